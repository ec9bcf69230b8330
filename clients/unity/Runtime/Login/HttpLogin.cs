// Step 1 of the flow (appmgr.md, queue.md), as the JS SDK's login-http.ts does it: `GET <appmgr>/login` (with
// `transport=ws` for a WebSocket login, `room=<id>` when joining a room by id, `queue=1` when the game waits in line).
// A 202 {returncode 9, ticket, position, eta_s} + Retry-After means a place in the line: the ticket is polled
// (`?ticket=`) at the pace asked (clamped to 1–5 s, 2 when absent) until the normal 200; a 410 means the place is lost.
// Each exchange is bounded by the step timeout; the wait in line only by the cancellation token. Polls that fail
// (503/429, timeouts: appmgr without Redis keeps positions) keep the ticket for at most QueueStallMs in a row.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace GameCluster.Client
{
    /// <summary>Where the player stands in the admission queue.</summary>
    public sealed class QueueUpdate
    {
        public int Position;
        /// <summary>Seconds until admission at the current pace; -1 while the server has no rate yet.</summary>
        public int EtaS;
    }

    internal sealed class LoginTarget
    {
        public string Ip;
        public int Port;
        /// <summary>The admission token of a ticket that waited in line ("" when none).</summary>
        public string Admission = "";
        public double ExchangeMs;
        /// <summary>Time in line (first 202 → the 200), or null when not queued.</summary>
        public double? QueuedMs;
    }

    internal sealed class HttpLoginRequest
    {
        public string Appmgr;
        public bool WebSocket;
        public bool Queue;
        public string RoomId;
        public int TimeoutMs;
    }

    internal static class HttpLogin
    {
        public const int QueueStallMs = 60000;

        static string Url(string appmgr, List<KeyValuePair<string, string>> q)
        {
            var sb = new StringBuilder(appmgr.TrimEnd('/')).Append("/login");
            for (var i = 0; i < q.Count; i++) sb.Append(i == 0 ? '?' : '&').Append(q[i].Key).Append('=').Append(Uri.EscapeDataString(q[i].Value));
            return sb.ToString();
        }

        static int PollDelayS(int? retryAfter)
        {
            return retryAfter.HasValue && retryAfter.Value > 0 ? Math.Min(5, Math.Max(1, retryAfter.Value)) : 2;
        }

        sealed class Exchange
        {
            public HttpAnswer A;
            public Dictionary<string, object> Body;
            public double Ms;
        }

        static async Task<Exchange> Get(IHttpGet http, string url, int timeoutMs, string step, CancellationToken ct)
        {
            var sw = Stopwatch.StartNew();
            HttpAnswer a;
            try
            {
                a = await http.GetAsync(url, timeoutMs, ct).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                if (ct.IsCancellationRequested) throw new ClientException(step, "aborted", "aborted", inner: e);
                var ce = ClientException.From(step, e);
                throw new ClientException(step, ce.Code, "GET " + url + ": " + ce.Message, inner: e);
            }
            var ms = sw.Elapsed.TotalMilliseconds;
            Dictionary<string, object> body;
            try
            {
                body = MiniJson.Parse(a.Text) as Dictionary<string, object>;
            }
            catch (FormatException)
            {
                body = null;
            }
            if (body == null) throw new ClientException(step, "http_" + a.Status, "HTTP " + a.Status + " with a body that is not a JSON object: " + Head(a.Text));
            return new Exchange { A = a, Body = body, Ms = ms };
        }

        static string Head(string s) { return s == null ? "" : s.Length <= 120 ? s : s.Substring(0, 120); }

        static double? Num(Dictionary<string, object> b, string k)
        {
            object v;
            return b.TryGetValue(k, out v) && v is double ? (double?)(double)v : null;
        }

        static string Str(Dictionary<string, object> b, string k)
        {
            object v;
            return b.TryGetValue(k, out v) ? v as string : null;
        }

        static LoginTarget Target(string step, Exchange x)
        {
            var rc = Num(x.Body, "returncode");
            if (rc.HasValue && rc.Value != 0)
            {
                var code = (int)rc.Value;
                throw new ClientException(step, WireNames.ReturnCodeName(code), "HTTP " + x.A.Status + " returncode " + code + " (" + WireNames.ReturnCodeName(code) + ")", code, null, x.A.RetryAfterS);
            }
            var ip = Str(x.Body, "ip");
            var port = Num(x.Body, "port");
            if (x.A.Status != 200 || !rc.HasValue || string.IsNullOrEmpty(ip) || !port.HasValue || port.Value <= 0)
                throw new ClientException(step, x.A.Status != 200 ? "http_" + x.A.Status : "bad_response", "HTTP " + x.A.Status + " unexpected body " + Head(x.A.Text));
            return new LoginTarget { Ip = ip, Port = (int)port.Value, Admission = Str(x.Body, "admission") ?? "", ExchangeMs = x.Ms };
        }

        public static async Task<LoginTarget> RunAsync(IHttpGet http, HttpLoginRequest r, Action<QueueUpdate> onQueue, CancellationToken ct)
        {
            var q = new List<KeyValuePair<string, string>>();
            if (r.WebSocket) q.Add(new KeyValuePair<string, string>("transport", "ws"));
            if (!string.IsNullOrEmpty(r.RoomId)) q.Add(new KeyValuePair<string, string>("room", r.RoomId));
            var first = new List<KeyValuePair<string, string>>(q);
            if (r.Queue) first.Add(new KeyValuePair<string, string>("queue", "1"));
            var cur = await Get(http, Url(r.Appmgr, first), r.TimeoutMs, ClientStep.HttpLogin, ct).ConfigureAwait(false);
            var rc = Num(cur.Body, "returncode");
            if (!(r.Queue && cur.A.Status == 202 && rc.HasValue && (int)rc.Value == (int)ReturnCode.Queued)) return Target(ClientStep.HttpLogin, cur);

            var queued = Stopwatch.StartNew();
            var ticket = Str(cur.Body, "ticket");
            if (string.IsNullOrEmpty(ticket)) throw new ClientException(ClientStep.Queue, "bad_response", "HTTP 202 without a ticket: " + Head(cur.A.Text));
            q.Add(new KeyValuePair<string, string>("ticket", ticket));
            var pollUrl = Url(r.Appmgr, q);
            var delayS = PollDelayS(cur.A.RetryAfterS);
            double failingSince = -1; // ms on the queued clock since polls have failed in a row; -1: the last one was answered 202
            for (;;)
            {
                if (failingSince < 0) onQueue(new QueueUpdate { Position = (int)(Num(cur.Body, "position") ?? 0), EtaS = (int)(Num(cur.Body, "eta_s") ?? 0) });
                try
                {
                    await Task.Delay(delayS * 1000, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    throw new ClientException(ClientStep.Queue, "aborted", "aborted while waiting in the queue");
                }
                Exchange next;
                try
                {
                    next = await Get(http, pollUrl, r.TimeoutMs, ClientStep.Queue, ct).ConfigureAwait(false);
                }
                catch (ClientException)
                {
                    if (ct.IsCancellationRequested) throw;
                    if (failingSince < 0) failingSince = queued.Elapsed.TotalMilliseconds;
                    if (queued.Elapsed.TotalMilliseconds - failingSince > QueueStallMs) throw;
                    delayS = 2;
                    continue;
                }
                if (next.A.Status == 503 || next.A.Status == 429)
                {
                    if (failingSince < 0) failingSince = queued.Elapsed.TotalMilliseconds;
                    if (queued.Elapsed.TotalMilliseconds - failingSince > QueueStallMs) Target(ClientStep.Queue, next);
                    delayS = PollDelayS(next.A.RetryAfterS);
                    continue;
                }
                failingSince = -1;
                cur = next;
                delayS = PollDelayS(cur.A.RetryAfterS);
                if (cur.A.Status == 202) continue;
                if (cur.A.Status == 410) throw new ClientException(ClientStep.Queue, "queue_lost", "HTTP 410: the queue ticket is unknown or expired (" + Head(cur.A.Text) + ")", (int)ReturnCode.TokenInvalid);
                var t = Target(ClientStep.Queue, cur);
                t.QueuedMs = queued.Elapsed.TotalMilliseconds;
                return t;
            }
        }
    }
}
