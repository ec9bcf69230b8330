// The protobuf wire format, reading side: fields in any order, repeated fields merged as protobuf says (the last
// scalar wins), unknown fields skipped (a newer server may add fields), malformed bytes a ProtoException — never an
// out-of-range read. Public, like ProtoWriter, for a game's own hand-written serializers.
using System;
using System.Text;

namespace GameCluster.Client
{
    public sealed class ProtoReader
    {
        static readonly UTF8Encoding utf8 = new UTF8Encoding(false, false);
        readonly byte[] buf;
        int pos;
        readonly int end;
        WireType lastType;

        public ProtoReader(byte[] data) : this(data, 0, data == null ? 0 : data.Length) { }

        public ProtoReader(byte[] data, int offset, int count)
        {
            if (data == null) throw new ArgumentNullException("data");
            if (offset < 0 || count < 0 || offset + count > data.Length) throw new ArgumentOutOfRangeException("count");
            buf = data;
            pos = offset;
            end = offset + count;
        }

        /// <summary>The next field number, or 0 at the end of the message.</summary>
        public int ReadTag()
        {
            if (pos >= end) return 0;
            var tag = ReadRawVarint();
            var field = (int)(tag >> 3);
            lastType = (WireType)(tag & 7);
            if (field <= 0 || tag >> 3 > 0x1FFFFFFF) throw new ProtoException("invalid field number " + (tag >> 3));
            return field;
        }

        /// <summary>The wire type of the field ReadTag returned.</summary>
        public WireType WireType { get { return lastType; } }

        public ulong ReadRawVarint()
        {
            ulong v = 0;
            for (var shift = 0; shift < 70; shift += 7)
            {
                if (pos >= end) throw new ProtoException("truncated varint");
                var b = buf[pos++];
                if (shift == 63 && b > 1) throw new ProtoException("varint over 64 bits");
                v |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80) return v;
            }
            throw new ProtoException("varint over 10 bytes");
        }

        void Expect(WireType t)
        {
            if (lastType != t) throw new ProtoException("wire type " + lastType + " where " + t + " was expected");
        }

        public int ReadInt32() { Expect(WireType.Varint); return (int)ReadRawVarint(); }
        public long ReadInt64() { Expect(WireType.Varint); return (long)ReadRawVarint(); }
        public uint ReadUInt32() { Expect(WireType.Varint); return (uint)ReadRawVarint(); }
        public ulong ReadUInt64() { Expect(WireType.Varint); return ReadRawVarint(); }
        public bool ReadBool() { Expect(WireType.Varint); return ReadRawVarint() != 0; }

        public int ReadSInt32()
        {
            Expect(WireType.Varint);
            var v = (uint)ReadRawVarint();
            return (int)(v >> 1) ^ -(int)(v & 1);
        }

        public long ReadSInt64()
        {
            Expect(WireType.Varint);
            var v = ReadRawVarint();
            return (long)(v >> 1) ^ -(long)(v & 1);
        }

        public uint ReadFixed32() { Expect(WireType.Fixed32); return RawFixed32(); }
        public ulong ReadFixed64() { Expect(WireType.Fixed64); return RawFixed64(); }

        public float ReadFloat()
        {
            Expect(WireType.Fixed32);
            return BitConverter.ToSingle(BitConverter.GetBytes(RawFixed32()), 0);
        }

        public double ReadDouble()
        {
            Expect(WireType.Fixed64);
            return BitConverter.Int64BitsToDouble((long)RawFixed64());
        }

        public string ReadString()
        {
            int off, n;
            Span(out off, out n);
            return utf8.GetString(buf, off, n);
        }

        public byte[] ReadBytes()
        {
            int off, n;
            Span(out off, out n);
            var r = new byte[n];
            Buffer.BlockCopy(buf, off, r, 0, n);
            return r;
        }

        /// <summary>An embedded message, merged into `into` (a repeated occurrence merges, as protobuf says).</summary>
        public T ReadMessage<T>(T into) where T : IProtoMessage
        {
            int off, n;
            Span(out off, out n);
            into.MergeFrom(new ProtoReader(buf, off, n));
            return into;
        }

        /// <summary>Reads one length-delimited field as a nested reader (map entries).</summary>
        public ProtoReader ReadNested()
        {
            int off, n;
            Span(out off, out n);
            return new ProtoReader(buf, off, n);
        }

        /// <summary>Skips the field ReadTag returned (a field this message does not know).</summary>
        public void Skip()
        {
            switch (lastType)
            {
                case WireType.Varint: ReadRawVarint(); break;
                case WireType.Fixed64: Advance(8); break;
                case WireType.Fixed32: Advance(4); break;
                case WireType.LengthDelimited: { int o, n; Span(out o, out n); break; }
                default: throw new ProtoException("unsupported wire type " + (int)lastType);
            }
        }

        void Span(out int off, out int n)
        {
            Expect(WireType.LengthDelimited);
            var l = ReadRawVarint();
            if (l > (ulong)(end - pos)) throw new ProtoException("length " + l + " beyond the end of the message");
            off = pos;
            n = (int)l;
            pos += n;
        }

        void Advance(int n)
        {
            if (end - pos < n) throw new ProtoException("truncated fixed-width field");
            pos += n;
        }

        uint RawFixed32()
        {
            Advance(4);
            return (uint)(buf[pos - 4] | buf[pos - 3] << 8 | buf[pos - 2] << 16 | buf[pos - 1] << 24);
        }

        ulong RawFixed64()
        {
            var lo = RawFixed32();
            var hi = RawFixed32();
            return lo | (ulong)hi << 32;
        }
    }
}
