// Frames over TCP (TcpClient, Nagle off) and TLS (SslStream around it): one reading task feeds a FrameReader; the
// base class's writer task writes. A FIN from the server is a clean close; a reset or a broken stream an error.
using System;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace GameCluster.Client
{
    public sealed class TcpFrameConnection : FrameConnectionBase
    {
        readonly TcpClient client;
        readonly Stream stream;
        readonly FrameReader reader;

        TcpFrameConnection(TcpClient client, Stream stream, int maxQueuedBytes) : base(maxQueuedBytes)
        {
            this.client = client;
            this.stream = stream;
            reader = new FrameReader(Frame);
        }

        public static async Task<IFrameConnection> ConnectAsync(DialOptions o, CancellationToken ct)
        {
            IPAddress[] addrs;
            IPAddress one;
            if (IPAddress.TryParse(o.Host, out one)) addrs = new[] { one };
            else
            {
                addrs = await Dns.GetHostAddressesAsync(o.Host).ConfigureAwait(false);
                if (addrs.Length == 0) throw new SocketException((int)SocketError.HostNotFound);
            }
            // Each address in turn (localhost may answer ::1 first while the server listens on 127.0.0.1 only).
            for (var i = 0; ; i++)
            {
                var client = new TcpClient(addrs[i].AddressFamily) { NoDelay = true };
                try
                {
                    await Bounded(client.ConnectAsync(addrs[i], o.Port), o, ct, "connect to " + o.Host + ":" + o.Port).ConfigureAwait(false);
                    Stream s = client.GetStream();
                    if (o.Tls)
                    {
                        var tls = o.TlsOptions ?? new TlsOptions();
                        var ssl = new SslStream(s, false, (sender, cert, chain, errors) => tls.Check(cert, chain, errors));
                        await Bounded(ssl.AuthenticateAsClientAsync(tls.ServerName ?? o.Host, null, tls.Protocols, false), o, ct, "TLS handshake with " + o.Host + ":" + o.Port).ConfigureAwait(false);
                        s = ssl;
                    }
                    return new TcpFrameConnection(client, s, o.MaxQueuedBytes);
                }
                catch (SocketException) when (i + 1 < addrs.Length)
                {
                    client.Close();
                }
                catch (Exception)
                {
                    client.Close();
                    throw;
                }
            }
        }

        /// <summary>Awaits `t` for at most the dial timeout (the socket is closed by the caller on failure).</summary>
        internal static async Task Bounded(Task t, DialOptions o, CancellationToken ct, string what)
        {
            using (var cts = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                var timer = Task.Delay(o.TimeoutMs, cts.Token);
                if (await Task.WhenAny(t, timer).ConfigureAwait(false) != t)
                {
                    t.Forget();
                    ct.ThrowIfCancellationRequested();
                    throw new TimeoutException(what + " timed out after " + o.TimeoutMs + " ms");
                }
                cts.Cancel();
                await t.ConfigureAwait(false);
            }
        }

        protected override async Task ReadLoop()
        {
            var buf = new byte[MaxWrite];
            for (;;)
            {
                var n = await stream.ReadAsync(buf, 0, buf.Length).ConfigureAwait(false);
                if (n == 0) break;
                reader.Push(buf, 0, n);
            }
            Closed(null);
        }

        protected override Task WriteAsync(byte[] chunk)
        {
            return stream.WriteAsync(chunk, 0, chunk.Length);
        }

        protected override Task CloseGracefullyAsync()
        {
            // FIN after what was written; the reading task sees the server's close and reports it.
            client.Client.Shutdown(SocketShutdown.Send);
            return Task.FromResult(true);
        }

        protected override void Drop()
        {
            stream.Dispose();
            client.Close();
        }
    }
}
