// GET /login as the session needs it: one request, bounded, answering status + Retry-After + body. The default runs
// on HttpClient with `Connection: close` (one request per connection, like the JS SDK and the robots); a platform
// where HttpClient is not the right tool (WebGL: UnityWebRequest) plugs its own IHttpGet.
using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace GameCluster.Client
{
    public sealed class HttpAnswer
    {
        public int Status;
        /// <summary>Retry-After in seconds, or null.</summary>
        public int? RetryAfterS;
        public string Text;
    }

    public interface IHttpGet
    {
        /// <summary>GET `url`; throws on a network error, TimeoutException after `timeoutMs`.</summary>
        Task<HttpAnswer> GetAsync(string url, int timeoutMs, CancellationToken ct);
    }

    public sealed class HttpClientGet : IHttpGet, IDisposable
    {
        readonly HttpClient client;

        public HttpClientGet(TlsOptions tls = null)
        {
            var handler = new HttpClientHandler();
            if (tls != null && (tls.CaCertificate != null || tls.Validate != null))
                handler.ServerCertificateCustomValidationCallback = (req, cert, chain, errors) => tls.Check(cert, chain, errors);
            client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        }

        public async Task<HttpAnswer> GetAsync(string url, int timeoutMs, CancellationToken ct)
        {
            using (var cts = CancellationTokenSource.CreateLinkedTokenSource(ct))
            using (var req = new HttpRequestMessage(HttpMethod.Get, url))
            {
                cts.CancelAfter(timeoutMs);
                req.Headers.ConnectionClose = true;
                req.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                try
                {
                    using (var res = await client.SendAsync(req, HttpCompletionOption.ResponseContentRead, cts.Token).ConfigureAwait(false))
                    {
                        var text = await res.Content.ReadAsStringAsync().ConfigureAwait(false);
                        int? retry = null;
                        var ra = res.Headers.RetryAfter;
                        if (ra != null && ra.Delta.HasValue) retry = (int)ra.Delta.Value.TotalSeconds;
                        return new HttpAnswer { Status = (int)res.StatusCode, RetryAfterS = retry, Text = text };
                    }
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    throw new TimeoutException("timed out after " + timeoutMs + " ms");
                }
            }
        }

        public void Dispose() { client.Dispose(); }
    }
}
