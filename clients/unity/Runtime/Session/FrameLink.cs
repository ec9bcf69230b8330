// One frame connection with request/response on top: NextAsync(id) awaits the next frame of an id (bounded), the
// frames nobody awaits go to the handler — and are held (bounded) until one is set, so a message the server sends
// right after an answer (a game's greeting after G2C_LoginByTokenRs) is not lost between the answer and the session
// taking the link over. Records a kick (S2C_Kick) so the close that follows it is told apart from a drop.
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace GameCluster.Client
{
    internal sealed class FrameLink
    {
        const int MaxHeld = 256;
        readonly IFrameConnection conn;
        readonly string label;
        readonly object gate = new object();
        readonly List<Waiter> waiters = new List<Waiter>();
        readonly Queue<KeyValuePair<ushort, byte[]>> held = new Queue<KeyValuePair<ushort, byte[]>>();
        readonly TaskCompletionSource<bool> closed = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        Action<ushort, byte[]> handler;
        Exception closeError;
        bool open = true;

        public int? KickReason { get; private set; }
        public bool IsOpen { get { lock (gate) return open; } }
        public Task Closed { get { return closed.Task; } }
        public string Label { get { return label; } }

        sealed class Waiter
        {
            public ushort Id;
            public string Step;
            public TaskCompletionSource<byte[]> Tcs;
            public CancellationTokenSource Timer;
        }

        public FrameLink(IFrameConnection conn, string label)
        {
            this.conn = conn;
            this.label = label;
            conn.OnFrame = Frame;
            conn.OnClosed = Gone;
            conn.Start();
        }

        public bool Send(ushort id, byte[] body)
        {
            return IsOpen && conn.Send(Frames.Encode(id, body));
        }

        public bool Send(ushort id, IProtoMessage m)
        {
            return Send(id, Proto.Encode(m));
        }

        /// <summary>Frames no NextAsync waits for, from now on; the ones held so far first, in order.</summary>
        public void SetHandler(Action<ushort, byte[]> h)
        {
            lock (gate)
            {
                handler = h;
                while (held.Count > 0)
                {
                    var f = held.Dequeue();
                    h(f.Key, f.Value);
                }
            }
        }

        public Task<byte[]> NextAsync(string step, ushort id, int timeoutMs)
        {
            var w = new Waiter { Id = id, Step = step, Tcs = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously), Timer = new CancellationTokenSource(timeoutMs) };
            lock (gate)
            {
                if (!open)
                {
                    w.Timer.Dispose();
                    return Task.FromException<byte[]>(ClosedError(step));
                }
                waiters.Add(w);
            }
            w.Timer.Token.Register(() =>
            {
                lock (gate) if (!waiters.Remove(w)) return;
                w.Tcs.TrySetException(new ClientException(step, "timeout", "no answer from " + label + " within " + timeoutMs + " ms"));
            });
            return w.Tcs.Task;
        }

        public async Task<T> RequestAsync<T>(string step, ushort id, IProtoMessage body, ushort replyId, int timeoutMs) where T : IProtoMessage, new()
        {
            var next = NextAsync(step, replyId, timeoutMs);
            Send(id, body);
            return Proto.Parse<T>(await next.ConfigureAwait(false));
        }

        public void Close() { conn.Close(); }
        public void Abort() { conn.Abort(); }

        public ClientException ClosedError(string step)
        {
            if (KickReason.HasValue)
            {
                var name = WireNames.KickReasonName(KickReason.Value);
                return new ClientException(step, "kicked:" + name, "kicked by " + label + " (reason " + name + ")", null, KickReason);
            }
            var e = closeError;
            if (e == null) return new ClientException(step, "closed_by_server", label + " closed the connection");
            var ce = ClientException.From(step, e);
            if (ce.Code == "error") return new ClientException(step, "closed_by_server", label + " connection closed: " + e.Message, inner: e);
            return new ClientException(step, ce.Code, label + " connection error: " + ce.Message, inner: e);
        }

        void Frame(ushort id, byte[] body)
        {
            if (id == MsgId.S2C_Kick)
            {
                try { KickReason = (int)Proto.Parse<Kick>(body).Reason; }
                catch (ProtoException) { KickReason = 0; }
            }
            Waiter w = null;
            lock (gate)
            {
                var i = waiters.FindIndex(x => x.Id == id);
                if (i >= 0)
                {
                    w = waiters[i];
                    waiters.RemoveAt(i);
                }
                else if (handler != null) handler(id, body);
                else if (held.Count < MaxHeld) held.Enqueue(new KeyValuePair<ushort, byte[]>(id, body));
            }
            if (w != null)
            {
                w.Timer.Dispose();
                w.Tcs.TrySetResult(body);
            }
        }

        void Gone(Exception err)
        {
            List<Waiter> ws;
            lock (gate)
            {
                if (!open) return;
                open = false;
                closeError = err;
                ws = new List<Waiter>(waiters);
                waiters.Clear();
            }
            foreach (var w in ws)
            {
                w.Timer.Dispose();
                w.Tcs.TrySetException(ClosedError(w.Step));
            }
            closed.TrySetResult(true);
        }
    }
}
