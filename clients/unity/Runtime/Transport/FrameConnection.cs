// A frame connection (TCP, TLS or WebSocket) as the session sees it, and the part every transport shares: a send
// queue drained by one writer task (SslStream and ClientWebSocket allow one write at a time; Send never blocks the
// game's thread), bounded by MaxQueuedBytes, and a close reported exactly once. Reading runs on its own task from
// Start(); frames and the close are reported on those background tasks, never on the game's thread.
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace GameCluster.Client
{
    public enum TransportKind
    {
        Tcp,
        WebSocket,
    }

    /// <summary>Where and how to open one frame connection.</summary>
    public sealed class DialOptions
    {
        public TransportKind Transport;
        public string Host;
        public int Port;
        public bool Tls;
        public TlsOptions TlsOptions;
        public int TimeoutMs;
        /// <summary>Bound on bytes waiting to be written; a Send beyond it returns false.</summary>
        public int MaxQueuedBytes = 1 << 20;
    }

    public interface IFrameConnection
    {
        /// <summary>Whole frames (over WebSocket: sent as one binary message). False when closed or over the send budget.</summary>
        bool Send(byte[] frames);
        /// <summary>Graceful close after the queued frames are written (TCP FIN / WebSocket close 1000).</summary>
        void Close();
        /// <summary>Abrupt close: the connection is dropped now, queued frames with it.</summary>
        void Abort();
        /// <summary>Every complete frame (msg id, body), on the reading task.</summary>
        Action<ushort, byte[]> OnFrame { set; }
        /// <summary>Called once when the connection is gone: null for a clean close, else the error.</summary>
        Action<Exception> OnClosed { set; }
        /// <summary>Starts reading; set OnFrame and OnClosed first.</summary>
        void Start();
    }

    /// <summary>Opens frame connections: TCP/TLS and WebSocket by default; a platform without sockets (WebGL) plugs its own.</summary>
    public interface IConnector
    {
        Task<IFrameConnection> ConnectAsync(DialOptions o, CancellationToken ct);
    }

    public sealed class DefaultConnector : IConnector
    {
        public static readonly DefaultConnector Instance = new DefaultConnector();

        public Task<IFrameConnection> ConnectAsync(DialOptions o, CancellationToken ct)
        {
            return o.Transport == TransportKind.Tcp ? TcpFrameConnection.ConnectAsync(o, ct) : WebSocketFrameConnection.ConnectAsync(o, ct);
        }
    }

    public abstract class FrameConnectionBase : IFrameConnection
    {
        /// <summary>One write at most this big: a WebSocket message holds at most 64 KiB (WS_MAX_MESSAGE_BYTES).</summary>
        protected const int MaxWrite = 65536;
        readonly object gate = new object();
        readonly Queue<byte[]> queue = new Queue<byte[]>();
        readonly int maxQueued;
        int queuedBytes;
        bool writing, closing, closed;
        Action<ushort, byte[]> onFrame = delegate { };
        Action<Exception> onClosed = delegate { };

        protected FrameConnectionBase(int maxQueuedBytes) { maxQueued = maxQueuedBytes; }

        public Action<ushort, byte[]> OnFrame { set { onFrame = value; } }
        public Action<Exception> OnClosed { set { onClosed = value; } }

        protected bool IsClosed { get { lock (gate) return closed; } }

        public bool Send(byte[] frames)
        {
            lock (gate)
            {
                if (closed || closing || queuedBytes + frames.Length > maxQueued) return false;
                queue.Enqueue(frames);
                queuedBytes += frames.Length;
                if (writing) return true;
                writing = true;
            }
            WriteLoop().Forget();
            return true;
        }

        async Task WriteLoop()
        {
            try
            {
                for (;;)
                {
                    byte[] chunk;
                    lock (gate)
                    {
                        if (closed) return;
                        if (queue.Count == 0)
                        {
                            writing = false;
                            if (!closing) return;
                        }
                        chunk = queue.Count == 0 ? null : TakeChunk();
                    }
                    if (chunk == null)
                    {
                        await CloseGracefullyAsync().ConfigureAwait(false);
                        return;
                    }
                    await WriteAsync(chunk).ConfigureAwait(false);
                }
            }
            catch (Exception e)
            {
                Closed(e);
            }
        }

        /// <summary>Frames queued so far, joined up to MaxWrite bytes (a frame is never split).</summary>
        byte[] TakeChunk()
        {
            var first = queue.Dequeue();
            var n = first.Length;
            foreach (var f in queue)
            {
                if (n + f.Length > MaxWrite) break;
                n += f.Length;
            }
            byte[] chunk;
            if (n == first.Length) chunk = first;
            else
            {
                chunk = new byte[n];
                Buffer.BlockCopy(first, 0, chunk, 0, first.Length);
                var off = first.Length;
                while (off < n)
                {
                    var f = queue.Dequeue();
                    Buffer.BlockCopy(f, 0, chunk, off, f.Length);
                    off += f.Length;
                }
            }
            queuedBytes -= n;
            return chunk;
        }

        public void Close()
        {
            lock (gate)
            {
                if (closed || closing) return;
                closing = true;
                if (writing) return; // the writer closes once the queue is written
                writing = true;
            }
            WriteLoop().Forget();
        }

        public void Abort()
        {
            Closed(null);
        }

        public void Start()
        {
            Read().Forget();
        }

        async Task Read()
        {
            try
            {
                await ReadLoop().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                Closed(IsClosed ? null : e);
            }
        }

        /// <summary>Reads until the connection ends, reporting frames; a throw is the close's cause (none after Close).</summary>
        protected abstract Task ReadLoop();
        protected abstract Task WriteAsync(byte[] chunk);
        protected abstract Task CloseGracefullyAsync();
        /// <summary>Releases the socket at once (called once, from Closed).</summary>
        protected abstract void Drop();

        protected void Frame(ushort id, byte[] body)
        {
            if (!IsClosed) onFrame(id, body);
        }

        /// <summary>The connection is gone (err null: clean); reported once, the socket released.</summary>
        protected void Closed(Exception err)
        {
            lock (gate)
            {
                if (closed) return;
                closed = true;
                queue.Clear();
                queuedBytes = 0;
            }
            try { Drop(); } catch (Exception) { /* already broken: dropping it is all that is left */ }
            onClosed(err);
        }
    }
}
