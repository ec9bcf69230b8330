// Frames over WebSocket (ClientWebSocket; ws:// or wss://, path /): binary messages holding whole frames, at most
// 64 KiB each (protocol.md "Transports"). A text message, or one that ends inside a frame, breaks the contract: the
// connection is closed (1003 / 1002) and reported as an error.
using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

namespace GameCluster.Client
{
    public sealed class WebSocketFrameConnection : FrameConnectionBase
    {
        readonly ClientWebSocket ws;
        readonly CancellationTokenSource life = new CancellationTokenSource();

        WebSocketFrameConnection(ClientWebSocket ws, int maxQueuedBytes) : base(maxQueuedBytes) { this.ws = ws; }

        public static Uri Url(string host, int port, bool secure)
        {
            var h = host.Contains(":") && !host.StartsWith("[", StringComparison.Ordinal) ? "[" + host + "]" : host;
            return new Uri((secure ? "wss" : "ws") + "://" + h + ":" + port + "/");
        }

        public static async Task<IFrameConnection> ConnectAsync(DialOptions o, CancellationToken ct)
        {
            var ws = new ClientWebSocket();
            try
            {
                using (var cts = CancellationTokenSource.CreateLinkedTokenSource(ct))
                {
                    cts.CancelAfter(o.TimeoutMs);
                    try
                    {
                        await ws.ConnectAsync(Url(o.Host, o.Port, o.Tls), cts.Token).ConfigureAwait(false);
                    }
                    catch (Exception) when (cts.IsCancellationRequested && !ct.IsCancellationRequested)
                    {
                        throw new TimeoutException("WebSocket connect to " + Url(o.Host, o.Port, o.Tls) + " timed out after " + o.TimeoutMs + " ms");
                    }
                }
                return new WebSocketFrameConnection(ws, o.MaxQueuedBytes);
            }
            catch (Exception)
            {
                ws.Dispose();
                throw;
            }
        }

        protected override async Task ReadLoop()
        {
            var buf = new byte[MaxWrite];
            for (;;)
            {
                var have = 0;
                WebSocketReceiveResult r;
                do
                {
                    if (have == buf.Length) throw new FrameException("ws_too_large", "a WebSocket message over " + buf.Length + " bytes");
                    r = await ws.ReceiveAsync(new ArraySegment<byte>(buf, have, buf.Length - have), life.Token).ConfigureAwait(false);
                    if (r.MessageType == WebSocketMessageType.Close)
                    {
                        var code = ws.CloseStatus;
                        Closed(code == null || code == WebSocketCloseStatus.NormalClosure || code == WebSocketCloseStatus.Empty ? null : new WebSocketException("WebSocket closed with " + (int)code.Value + " " + ws.CloseStatusDescription));
                        return;
                    }
                    have += r.Count;
                } while (!r.EndOfMessage);
                if (r.MessageType == WebSocketMessageType.Text)
                {
                    Fail(WebSocketCloseStatus.InvalidMessageType, new FrameException("ws_text", "the server sent a WebSocket text message"));
                    return;
                }
                try
                {
                    Frames.ReadWhole(buf, have, Frame);
                }
                catch (FrameException e)
                {
                    Fail(WebSocketCloseStatus.ProtocolError, e);
                    return;
                }
            }
        }

        void Fail(WebSocketCloseStatus status, Exception e)
        {
            try { ws.CloseOutputAsync(status, "", CancellationToken.None).Forget(); } catch (Exception) { /* closing anyway */ }
            Closed(e);
        }

        protected override Task WriteAsync(byte[] chunk)
        {
            return ws.SendAsync(new ArraySegment<byte>(chunk), WebSocketMessageType.Binary, true, life.Token);
        }

        protected override Task CloseGracefullyAsync()
        {
            return ws.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", life.Token);
        }

        protected override void Drop()
        {
            life.Cancel();
            ws.Abort();
            ws.Dispose();
        }
    }
}
