// The framing (protocol.md "Framing"): u16 LE total length (header included, 4 … 65535), u16 LE msg id, body.
// FrameReader reassembles a TCP byte stream cut at any byte, holding at most one frame's declared length;
// ReadWhole splits one WebSocket message, which must hold whole frames only ("ws_partial" otherwise).
using System;

namespace GameCluster.Client
{
    /// <summary>A stream or message that breaks the framing; Code names it as the servers do (short_frame, ws_partial, frame_too_large).</summary>
    public sealed class FrameException : Exception
    {
        public readonly string Code;
        public FrameException(string code, string message) : base(message) { Code = code; }
    }

    public static class Frames
    {
        public const int HeaderBytes = 4;
        public const int MaxBytes = 65535;

        /// <summary>One frame around `body` (the whole frame must fit in 64 KiB).</summary>
        public static byte[] Encode(ushort msgId, byte[] body)
        {
            var n = body == null ? 0 : body.Length;
            var total = HeaderBytes + n;
            if (total > MaxBytes) throw new FrameException("frame_too_large", "frame body of " + n + " bytes exceeds " + (MaxBytes - HeaderBytes));
            var f = new byte[total];
            f[0] = (byte)total;
            f[1] = (byte)(total >> 8);
            f[2] = (byte)msgId;
            f[3] = (byte)(msgId >> 8);
            if (n > 0) Buffer.BlockCopy(body, 0, f, HeaderBytes, n);
            return f;
        }

        /// <summary>Splits one WebSocket message into its frames (each body copied).</summary>
        public static void ReadWhole(byte[] msg, int count, Action<ushort, byte[]> onFrame)
        {
            var off = 0;
            while (off < count)
            {
                if (count - off < 2) throw new FrameException("ws_partial", "a WebSocket message ends inside a frame header");
                var total = msg[off] | msg[off + 1] << 8;
                if (total < HeaderBytes) throw new FrameException("short_frame", "frame length " + total + " < " + HeaderBytes);
                if (count - off < total) throw new FrameException("ws_partial", "a WebSocket message ends inside a frame (" + (count - off) + " of " + total + " bytes)");
                var body = new byte[total - HeaderBytes];
                Buffer.BlockCopy(msg, off + HeaderBytes, body, 0, body.Length);
                onFrame((ushort)(msg[off + 2] | msg[off + 3] << 8), body);
                off += total;
            }
        }
    }

    /// <summary>Reassembles frames from a byte stream; after a FrameException the stream has lost its framing.</summary>
    public sealed class FrameReader
    {
        readonly Action<ushort, byte[]> onFrame;
        readonly byte[] header = new byte[Frames.HeaderBytes];
        int headerHave;
        byte[] body;
        int bodyHave;
        ushort msgId;

        public FrameReader(Action<ushort, byte[]> onFrame) { this.onFrame = onFrame; }

        /// <summary>Bytes held of a frame that is not complete yet.</summary>
        public int Buffered { get { return headerHave + bodyHave; } }

        public void Push(byte[] chunk, int offset, int count)
        {
            var end = offset + count;
            while (offset < end)
            {
                if (body == null)
                {
                    var take = Math.Min(Frames.HeaderBytes - headerHave, end - offset);
                    Buffer.BlockCopy(chunk, offset, header, headerHave, take);
                    headerHave += take;
                    offset += take;
                    if (headerHave < 2) return;
                    var total = header[0] | header[1] << 8;
                    if (total < Frames.HeaderBytes) throw new FrameException("short_frame", "frame length " + total + " < " + Frames.HeaderBytes);
                    if (headerHave < Frames.HeaderBytes) continue;
                    msgId = (ushort)(header[2] | header[3] << 8);
                    body = new byte[total - Frames.HeaderBytes];
                    bodyHave = 0;
                }
                var need = body.Length - bodyHave;
                var n = Math.Min(need, end - offset);
                Buffer.BlockCopy(chunk, offset, body, bodyHave, n);
                bodyHave += n;
                offset += n;
                if (bodyHave < body.Length) return;
                var b = body;
                body = null;
                headerHave = bodyHave = 0;
                onFrame(msgId, b);
            }
        }
    }
}
