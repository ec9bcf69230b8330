// The protobuf wire format, writing side (https://protobuf.dev/programming-guides/encoding/): varints, zigzag,
// fixed 32/64-bit, length-delimited. Proto3 rules: a scalar field at its default (0, "", false, empty bytes) is not
// written. Public so a game can hand-write the serializers of its own small messages without Google.Protobuf.
using System;
using System.Text;

namespace GameCluster.Client
{
    public sealed class ProtoWriter
    {
        static readonly UTF8Encoding utf8 = new UTF8Encoding(false, false);
        byte[] buf;
        int len;

        public ProtoWriter(int capacity = 64)
        {
            buf = new byte[Math.Max(16, capacity)];
        }

        /// <summary>Bytes written so far.</summary>
        public int Length { get { return len; } }

        public byte[] ToArray()
        {
            var r = new byte[len];
            Buffer.BlockCopy(buf, 0, r, 0, len);
            return r;
        }

        void Ensure(int more)
        {
            if (len + more <= buf.Length) return;
            var n = new byte[Math.Max(buf.Length * 2, len + more)];
            Buffer.BlockCopy(buf, 0, n, 0, len);
            buf = n;
        }

        public void WriteRawVarint(ulong v)
        {
            Ensure(10);
            while (v >= 0x80)
            {
                buf[len++] = (byte)(v | 0x80);
                v >>= 7;
            }
            buf[len++] = (byte)v;
        }

        public void WriteTag(int field, WireType type)
        {
            WriteRawVarint((ulong)(((uint)field << 3) | (uint)type));
        }

        public void WriteRawBytes(byte[] b, int offset, int count)
        {
            Ensure(count);
            Buffer.BlockCopy(b, offset, buf, len, count);
            len += count;
        }

        // ---- fields (nothing written at the default value) ----

        /// <summary>int32 and enums: a negative value takes 10 bytes (sign-extended), as every protobuf runtime writes it.</summary>
        public void Int32(int field, int v)
        {
            if (v == 0) return;
            WriteTag(field, WireType.Varint);
            WriteRawVarint((ulong)(long)v);
        }

        public void Int64(int field, long v)
        {
            if (v == 0) return;
            WriteTag(field, WireType.Varint);
            WriteRawVarint((ulong)v);
        }

        public void UInt32(int field, uint v)
        {
            if (v == 0) return;
            WriteTag(field, WireType.Varint);
            WriteRawVarint(v);
        }

        public void UInt64(int field, ulong v)
        {
            if (v == 0) return;
            WriteTag(field, WireType.Varint);
            WriteRawVarint(v);
        }

        public void SInt32(int field, int v)
        {
            if (v == 0) return;
            WriteTag(field, WireType.Varint);
            WriteRawVarint((uint)((v << 1) ^ (v >> 31)));
        }

        public void SInt64(int field, long v)
        {
            if (v == 0) return;
            WriteTag(field, WireType.Varint);
            WriteRawVarint((ulong)((v << 1) ^ (v >> 63)));
        }

        public void Bool(int field, bool v)
        {
            if (!v) return;
            WriteTag(field, WireType.Varint);
            WriteRawVarint(1);
        }

        public void Fixed32(int field, uint v)
        {
            if (v == 0) return;
            WriteTag(field, WireType.Fixed32);
            RawFixed32(v);
        }

        public void Fixed64(int field, ulong v)
        {
            if (v == 0) return;
            WriteTag(field, WireType.Fixed64);
            RawFixed64(v);
        }

        public void Float(int field, float v)
        {
            if (BitConverter.DoubleToInt64Bits(v) == 0) return; // +0 only: -0 is not the default
            WriteTag(field, WireType.Fixed32);
            RawFixed32((uint)BitConverter.ToInt32(BitConverter.GetBytes(v), 0));
        }

        public void Double(int field, double v)
        {
            if (BitConverter.DoubleToInt64Bits(v) == 0) return;
            WriteTag(field, WireType.Fixed64);
            RawFixed64((ulong)BitConverter.DoubleToInt64Bits(v));
        }

        public void String(int field, string v)
        {
            if (string.IsNullOrEmpty(v)) return;
            StringAlways(field, v);
        }

        /// <summary>A string written even when empty (map entries: key and value are always written).</summary>
        public void StringAlways(int field, string v)
        {
            WriteTag(field, WireType.LengthDelimited);
            var n = utf8.GetByteCount(v ?? "");
            WriteRawVarint((ulong)n);
            Ensure(n);
            utf8.GetBytes(v ?? "", 0, (v ?? "").Length, buf, len);
            len += n;
        }

        public void Bytes(int field, byte[] v)
        {
            if (v == null || v.Length == 0) return;
            BytesAlways(field, v, 0, v.Length);
        }

        /// <summary>Length-delimited bytes written whatever their length (an embedded message that is present but empty).</summary>
        public void BytesAlways(int field, byte[] v, int offset, int count)
        {
            WriteTag(field, WireType.LengthDelimited);
            WriteRawVarint((ulong)count);
            WriteRawBytes(v, offset, count);
        }

        /// <summary>An embedded message: written when not null, even when all its fields are defaults (presence).</summary>
        public void Message(int field, IProtoMessage m)
        {
            if (m == null) return;
            var inner = new ProtoWriter();
            m.WriteTo(inner);
            BytesAlways(field, inner.buf, 0, inner.len);
        }

        void RawFixed32(uint v)
        {
            Ensure(4);
            buf[len++] = (byte)v;
            buf[len++] = (byte)(v >> 8);
            buf[len++] = (byte)(v >> 16);
            buf[len++] = (byte)(v >> 24);
        }

        void RawFixed64(ulong v)
        {
            RawFixed32((uint)v);
            RawFixed32((uint)(v >> 32));
        }
    }

    public enum WireType
    {
        Varint = 0,
        Fixed64 = 1,
        LengthDelimited = 2,
        StartGroup = 3,
        EndGroup = 4,
        Fixed32 = 5,
    }

    /// <summary>A message this SDK encodes and decodes itself.</summary>
    public interface IProtoMessage
    {
        void WriteTo(ProtoWriter w);
        void MergeFrom(ProtoReader r);
    }

    /// <summary>Bytes that are not a valid protobuf encoding of the expected message.</summary>
    public sealed class ProtoException : Exception
    {
        public ProtoException(string message) : base(message) { }
    }
}
