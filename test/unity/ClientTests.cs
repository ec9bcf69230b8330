// The Unity package's console test program (test/unity-client.test.ts compiles it with mcs against Runtime/ and runs
// it with mono against real local clusters). One process runs the scenarios named on the command line, in order, and
// prints one `RESULT {json}` line per scenario; where the test must act (cut the proxy, trust the CA) it prints
// `ASK <what>` and waits for a line on stdin. Every session's events run on one "game thread" that calls Update() on
// all sessions, as a Unity main thread would; a handler seen on any other thread is a failure.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using GameCluster.Client;
using GameCluster.Samples.Arena;

namespace GameCluster.Client.Tests
{
    sealed class TestFailure : Exception
    {
        public TestFailure(string m) : base(m) { }
    }

    static class Program
    {
        static readonly Dictionary<string, string> Args = new Dictionary<string, string>();
        static readonly ConcurrentDictionary<GameSession, bool> Sessions = new ConcurrentDictionary<GameSession, bool>();
        static Thread gameThread;
        static int wrongThread;
        static readonly object outLock = new object();

        static int Main(string[] argv)
        {
            foreach (var a in argv)
            {
                var i = a.IndexOf('=');
                if (i > 0) Args[a.Substring(0, i)] = a.Substring(i + 1);
            }
            ServicePointManager.DefaultConnectionLimit = 1024; // one process plays hundreds of players against one appmgr
            ThreadPool.SetMinThreads(32, 32);
            gameThread = new Thread(GameLoop) { IsBackground = true, Name = "game" };
            gameThread.Start();
            foreach (var name in Arg("scenarios").Split(','))
            {
                var sw = Stopwatch.StartNew();
                var r = new Dictionary<string, object>();
                try
                {
                    Run(name, r).GetAwaiter().GetResult();
                    r["ok"] = true;
                }
                catch (Exception e)
                {
                    r["ok"] = false;
                    r["error"] = e.ToString();
                }
                r["scenario"] = name;
                r["ms"] = (long)sw.Elapsed.TotalMilliseconds;
                r["wrong_thread"] = Volatile.Read(ref wrongThread);
                Print("RESULT " + Json(r));
            }
            return 0;
        }

        static string Arg(string k)
        {
            string v;
            if (!Args.TryGetValue(k, out v)) throw new ArgumentException("missing argument " + k);
            return v;
        }

        static void Print(string line)
        {
            lock (outLock)
            {
                Console.Out.WriteLine(line);
                Console.Out.Flush();
            }
        }

        /// <summary>Asks the test to do something (cut the proxy, trust the CA) and waits until it is done.</summary>
        static Task Ask(string what)
        {
            return Task.Run(() =>
            {
                Print("ASK " + what);
                var line = Console.In.ReadLine();
                if (line != "done " + what) throw new TestFailure("ASK " + what + " answered " + line);
            });
        }

        /// <summary>The "main thread": drains every session's events, as MonoBehaviour.Update would, every 2 ms.</summary>
        static void GameLoop()
        {
            for (;;)
            {
                foreach (var s in Sessions.Keys) s.Update();
                Thread.Sleep(2);
            }
        }

        static void OnGameThread()
        {
            if (Thread.CurrentThread != gameThread) Interlocked.Increment(ref wrongThread);
        }

        static async Task<T> Within<T>(Task<T> t, int ms, string what)
        {
            if (await Task.WhenAny(t, Task.Delay(ms)).ConfigureAwait(false) != t) throw new TestFailure(what + ": not within " + ms + " ms");
            return await t.ConfigureAwait(false);
        }

        static async Task Within(Task t, int ms, string what)
        {
            if (await Task.WhenAny(t, Task.Delay(ms)).ConfigureAwait(false) != t) throw new TestFailure(what + ": not within " + ms + " ms");
            await t.ConfigureAwait(false);
        }

        static void Check(bool ok, string what)
        {
            if (!ok) throw new TestFailure(what);
        }

        static Task Run(string name, Dictionary<string, object> r)
        {
            switch (name)
            {
                case "codec": return Codec(r);
                case "flow_tcp": return Flow(r, Arg("appmgr_a"), TransportKind.Tcp, int.Parse(Arg("tcp_players")), "cs-tcp-");
                case "flow_ws": return Flow(r, Arg("appmgr_a"), TransportKind.WebSocket, int.Parse(Arg("ws_players")), "cs-ws-");
                case "errors": return Errors(r);
                case "tls_untrusted": return TlsUntrusted(r);
                case "resume": return ResumeScenario(r);
                case "queue": return QueueScenario(r);
                case "wss": return Wss(r);
                case "rooms": return RoomsScenario(r);
                default: throw new ArgumentException("unknown scenario " + name);
            }
        }

        // ------------------------------------------------------------------ sessions

        static X509Certificate2 ca;
        static X509Certificate2 Ca { get { return ca ?? (ca = new X509Certificate2(Arg("ca"))); } }

        static ConnectOptions Options(string appmgr, string account, TransportKind t, bool tls = false)
        {
            return new ConnectOptions
            {
                Appmgr = appmgr, Account = account, Password = "pw", Transport = t, Tls = tls,
                TlsOptions = tls ? new TlsOptions { CaCertificate = Ca } : null, StepTimeoutMs = 10000,
            };
        }

        static GameSession NewSession(ConnectOptions o)
        {
            var s = new GameSession(o);
            Sessions[s] = true;
            s.Error += e => Print("# session " + o.Account + " error: " + e);
            return s;
        }

        static void Forget(GameSession s)
        {
            bool unused;
            Sessions.TryRemove(s, out unused);
            s.Dispose();
        }

        sealed class Played
        {
            public double ConnectMs;
            public List<string> Steps = new List<string>();
            public int Pongs;
        }

        /// <summary>One player: the whole flow, an echo as a request and one through On&lt;Echo&gt;, pings, then Leave.</summary>
        static async Task<Played> Play(string appmgr, string account, TransportKind t, bool tls, int pingEveryMs, bool retry = true)
        {
            var o = Options(appmgr, account, t, tls);
            o.PingEveryMs = pingEveryMs;
            o.Retry = retry;
            var s = NewSession(o);
            var p = new Played();
            var echoed = new TaskCompletionSource<Echo>(TaskCreationOptions.RunContinuationsAsynchronously);
            var ponged = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            var closedEv = new TaskCompletionSource<CloseEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
            s.Timing += e => { OnGameThread(); lock (p.Steps) p.Steps.Add(e.Step); };
            s.Pong += rtt => { OnGameThread(); p.Pongs++; ponged.TrySetResult(true); };
            s.Closed += e => { OnGameThread(); closedEv.TrySetResult(e); };
            s.On<Echo>(e => { OnGameThread(); echoed.TrySetResult(e); });
            try
            {
                var sw = Stopwatch.StartNew();
                await s.ConnectAsync().ConfigureAwait(false);
                p.ConnectMs = sw.Elapsed.TotalMilliseconds;
                Check(s.State == SessionState.Online && s.PlayerId == account, account + ": online as " + s.PlayerId);
                var payload = Encoding.UTF8.GetBytes("echo " + account);
                var rs = await s.RequestAsync<Echo, Echo>(new Echo { Payload = payload, ClientTimeMs = 77 }).ConfigureAwait(false);
                Check(rs.ClientTimeMs == 77 && rs.Payload.SequenceEqual(payload), account + ": echo request answered " + rs);
                Check(s.Send(new Echo { Payload = new byte[] { 9 }, ClientTimeMs = 88 }), account + ": Send");
                var e2 = await Within(echoed.Task, 10000, account + " echo via On<Echo>").ConfigureAwait(false);
                Check(e2.ClientTimeMs == 88, account + ": echo via On<Echo> " + e2);
                if (pingEveryMs < 5000) await Within(ponged.Task, 10000, account + " pong").ConfigureAwait(false);
                var c = await Within(s.LeaveAsync(), 10000, account + " leave").ConfigureAwait(false);
                Check(c.Reason == "left" && c.Error == null, account + ": closed " + c.Reason + " " + c.Error);
                await Within(closedEv.Task, 5000, account + " Closed event").ConfigureAwait(false);
                lock (p.Steps) Check(string.Join(",", p.Steps) == "http_login,account_check,enter_game,game_login", account + ": steps " + string.Join(",", p.Steps));
                return p;
            }
            finally
            {
                Forget(s);
            }
        }

        static async Task Flow(Dictionary<string, object> r, string appmgr, TransportKind t, int n, string prefix)
        {
            var tasks = new List<Task<Played>>();
            for (var i = 0; i < n; i++) tasks.Add(Play(appmgr, prefix + i, t, false, i % 10 == 0 ? 200 : 15000));
            try { await Task.WhenAll(tasks).ConfigureAwait(false); } catch (Exception) { /* counted below */ }
            var failures = tasks.Where(x => x.IsFaulted).Select(x => x.Exception.InnerException.Message).ToList();
            var ms = tasks.Where(x => x.Status == TaskStatus.RanToCompletion).Select(x => x.Result.ConnectMs).OrderBy(x => x).ToList();
            r["players"] = n;
            r["ok_players"] = ms.Count;
            r["failures"] = failures.Count;
            r["first_failures"] = failures.Take(5).ToList();
            if (ms.Count > 0)
            {
                r["connect_p50_ms"] = (long)ms[ms.Count / 2];
                r["connect_p95_ms"] = (long)ms[Math.Min(ms.Count - 1, ms.Count * 95 / 100)];
            }
            r["pongs"] = tasks.Where(x => x.Status == TaskStatus.RanToCompletion).Sum(x => x.Result.Pongs);
        }

        static async Task<ClientException> ConnectFails(ConnectOptions o)
        {
            var s = NewSession(o);
            try
            {
                await s.ConnectAsync().ConfigureAwait(false);
            }
            catch (ClientException e)
            {
                Check(s.State == SessionState.Closed, o.Account + ": closed after a failed connect");
                return e;
            }
            finally
            {
                Forget(s);
            }
            throw new TestFailure(o.Account + ": connect succeeded");
        }

        static Dictionary<string, object> ErrorJson(ClientException e)
        {
            return new Dictionary<string, object> { { "step", e.Step }, { "code", e.Code }, { "message", e.Message } };
        }

        /// <summary>Wrong password, an unreachable appmgr, and a duplicate login's kick, with their steps and codes.</summary>
        static async Task Errors(Dictionary<string, object> r)
        {
            var appmgr = Arg("appmgr_a");
            var wrong = Options(appmgr, "cs-wrong-pw", TransportKind.Tcp);
            wrong.Password = "not-the-password";
            r["wrong_password"] = ErrorJson(await ConnectFails(wrong).ConfigureAwait(false));

            var gone = Options("http://127.0.0.1:" + Arg("dead_port"), "cs-nobody", TransportKind.Tcp);
            gone.Retry = false;
            r["unreachable"] = ErrorJson(await ConnectFails(gone).ConfigureAwait(false));

            var first = NewSession(Options(appmgr, "cs-dup", TransportKind.Tcp));
            var second = NewSession(Options(appmgr, "cs-dup", TransportKind.Tcp));
            try
            {
                var kicked = new TaskCompletionSource<KickEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
                var closedEv = new TaskCompletionSource<CloseEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
                var away = 0;
                first.Kicked += e => { OnGameThread(); kicked.TrySetResult(e); };
                first.Closed += e => { OnGameThread(); closedEv.TrySetResult(e); };
                first.Away += e => away++;
                await first.ConnectAsync().ConfigureAwait(false);
                await second.ConnectAsync().ConfigureAwait(false);
                var k = await Within(kicked.Task, 10000, "kick").ConfigureAwait(false);
                var c = await Within(closedEv.Task, 10000, "closed after the kick").ConfigureAwait(false);
                var w = await Within(first.WhenClosed, 1000, "WhenClosed").ConfigureAwait(false);
                Check(w == c, "WhenClosed is the Closed event");
                r["kick"] = new Dictionary<string, object>
                {
                    { "reason", k.Reason }, { "code", k.Code }, { "closed", c.Reason }, { "step", c.Error.Step }, { "error_code", c.Error.Code },
                    { "away", away }, { "second_online", second.State == SessionState.Online },
                };
                await Within(second.LeaveAsync(), 10000, "second leaves").ConfigureAwait(false);
            }
            finally
            {
                Forget(first);
                Forget(second);
            }
        }

        /// <summary>TLS to a server whose CA nobody trusts fails at the login; with TlsOptions.CaCertificate it would pass (the resume scenario).</summary>
        static async Task TlsUntrusted(Dictionary<string, object> r)
        {
            var o = Options(Arg("appmgr_b"), "cs-untrusted", TransportKind.Tcp, true);
            o.TlsOptions = null;
            o.Retry = false;
            r["error"] = ErrorJson(await ConnectFails(o).ConfigureAwait(false));
        }

        // ------------------------------------------------------------------ resume (arena behind a proxy, TLS)

        static async Task ResumeScenario(Dictionary<string, object> r)
        {
            var o = Options(Arg("appmgr_b"), "cs-resume", TransportKind.Tcp, true);
            o.Messages = ArenaIds.Table();
            o.ResumeWindowMs = 15000; // longer than the game's grace: the outage below outlasts the grace, not the window
            var s = NewSession(o);
            try
            {
                var joined = new BlockingCollection<Joined>();
                var seen = new BlockingCollection<PlayerPos>();
                var away = new TaskCompletionSource<ClientException>(TaskCreationOptions.RunContinuationsAsynchronously);
                var resumed = new TaskCompletionSource<ResumedEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
                var timings = new List<string>();
                s.On<Joined>(j => { OnGameThread(); joined.Add(j); });
                s.On<State>(st => { OnGameThread(); foreach (var p in st.Players) if (p.Account == "cs-resume") seen.Add(p); });
                s.Away += e => { OnGameThread(); away.TrySetResult(e); };
                s.Resumed += e => { OnGameThread(); resumed.TrySetResult(e); };
                s.Timing += e => { OnGameThread(); lock (timings) timings.Add(e.Step); };
                await s.ConnectAsync().ConfigureAwait(false);
                Joined j1;
                Check(joined.TryTake(out j1, 10000), "Joined after login (held until the session took the link over)");
                var address = s.GameAddress;
                var dx = j1.X < 500 ? 7 : -7;
                var dy = j1.Y < 500 ? 5 : -5;
                for (var i = 0; i < 3; i++) Check(s.Send(new Move { Dx = dx, Dy = dy }), "Move sent");
                int ex = j1.X + 3 * dx, ey = j1.Y + 3 * dy;
                var sw = Stopwatch.StartNew();
                PlayerPos pos = null;
                while (sw.ElapsedMilliseconds < 10000)
                {
                    PlayerPos p;
                    if (seen.TryTake(out p, 1000) && p.X == ex && p.Y == ey) { pos = p; break; }
                }
                Check(pos != null, "the moves were applied (State shows " + ex + "," + ey + ")");
                await Ask("cut").ConfigureAwait(false);
                var err = await Within(away.Task, 10000, "Away after the cut").ConfigureAwait(false);
                var via = await Within(resumed.Task, 15000, "Resumed").ConfigureAwait(false);
                Joined j2;
                Check(joined.TryTake(out j2, 10000), "Joined after the resume");
                Check(j2.X == ex && j2.Y == ey, "state kept: " + j2.X + "," + j2.Y + " after the resume, " + ex + "," + ey + " before");
                var echo = await s.RequestAsync<Echo, Echo>(new Echo { Payload = new byte[] { 1, 2 }, ClientTimeMs = 5 }).ConfigureAwait(false);
                r["away_code"] = err.Code;
                r["away_step"] = err.Step;
                r["via"] = via.Via;
                r["same_player"] = s.PlayerId == "cs-resume" && s.GameAddress == address;
                r["position_kept"] = new List<object> { j2.X, j2.Y };
                r["echo_after"] = echo.ClientTimeMs;
                lock (timings) r["timings"] = new List<object>(timings.Take(5));

                // An outage longer than the grace: the resume is refused (TOKEN_INVALID), the session comes back
                // through /login as a new one (the game sees a new join: a new position).
                var relogged = new TaskCompletionSource<ResumedEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
                var away2 = new TaskCompletionSource<ClientException>(TaskCreationOptions.RunContinuationsAsynchronously);
                s.Away += e => away2.TrySetResult(e);
                s.Resumed += e => relogged.TrySetResult(e);
                await Ask("outage").ConfigureAwait(false);
                await Within(away2.Task, 10000, "Away in the outage").ConfigureAwait(false);
                var via2 = await Within(relogged.Task, 20000, "back after the outage").ConfigureAwait(false);
                Joined j3;
                Check(joined.TryTake(out j3, 10000), "Joined after the new login");
                r["after_outage_via"] = via2.Via;
                lock (timings) r["timings_after_outage"] = new List<object>(timings.Skip(5));
                var c = await Within(s.LeaveAsync(), 10000, "leave").ConfigureAwait(false);
                r["closed"] = c.Reason;
            }
            finally
            {
                Forget(s);
            }
        }

        // ------------------------------------------------------------------ the admission queue (cluster of 2)

        static async Task QueueScenario(Dictionary<string, object> r)
        {
            var appmgr = Arg("appmgr_b");
            var a = NewSession(Options(appmgr, "cs-q-a", TransportKind.Tcp, true));
            var b = NewSession(Options(appmgr, "cs-q-b", TransportKind.Tcp, true));
            var co = Options(appmgr, "cs-q-c", TransportKind.Tcp, true);
            co.Queue = true;
            co.Retry = false;
            var c = NewSession(co);
            try
            {
                await a.ConnectAsync().ConfigureAwait(false);
                await b.ConnectAsync().ConfigureAwait(false);
                var updates = new List<QueueUpdate>();
                var twoUpdates = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                var steps = new List<string>();
                c.QueueUpdated += u => { OnGameThread(); lock (updates) updates.Add(u); if (updates.Count >= 2) twoUpdates.TrySetResult(true); };
                c.Timing += e => { OnGameThread(); lock (steps) steps.Add(e.Step); };
                var waiting = c.ConnectAsync();
                await Within(twoUpdates.Task, 15000, "two queue updates").ConfigureAwait(false);
                Check(c.State == SessionState.Connecting, "still in line");

                // Full, with a ticket waiting: a player who does not queue gets NO_APP at /login.
                var d = Options(appmgr, "cs-q-d", TransportKind.Tcp, true);
                d.Retry = false;
                r["no_app"] = ErrorJson(await ConnectFails(d).ConfigureAwait(false));

                await Within(a.LeaveAsync(), 10000, "a leaves").ConfigureAwait(false);
                await Within(waiting, 20000, "admitted").ConfigureAwait(false);
                Check(c.State == SessionState.Online, "c online");
                var echo = await c.RequestAsync<Echo, Echo>(new Echo { ClientTimeMs = 3 }).ConfigureAwait(false);
                Check(echo.ClientTimeMs == 3, "c plays");
                await Task.Delay(50).ConfigureAwait(false); // the game thread drains the last timing events
                lock (updates) r["positions"] = updates.Select(u => (object)u.Position).ToList();
                lock (updates) r["etas"] = updates.Select(u => (object)u.EtaS).ToList();
                lock (steps) r["steps"] = new List<object>(steps);
                await Within(Task.WhenAll(b.LeaveAsync(), c.LeaveAsync()), 10000, "b and c leave").ConfigureAwait(false);
            }
            finally
            {
                Forget(a);
                Forget(b);
                Forget(c);
            }
        }

        // ------------------------------------------------------------------ wss (ClientWebSocket + the trust store)

        static async Task Wss(Dictionary<string, object> r)
        {
            await Ask("trust-ca").ConfigureAwait(false);
            // No retry: the first attempt must pass, the CA trusted by the store alone (the test waited for a free place).
            var p = await Play(Arg("appmgr_b"), "cs-wss", TransportKind.WebSocket, true, 200, false).ConfigureAwait(false);
            r["steps"] = new List<object>(p.Steps);
            r["pongs"] = p.Pongs;
        }

        // ------------------------------------------------------------------ rooms (the arena declares the mode `arena`)

        /// <summary>One connect that must fail: its error, and how many times the flow ran (one http_login each).</summary>
        static async Task<KeyValuePair<ClientException, int>> FailsCounted(ConnectOptions o)
        {
            var s = NewSession(o);
            var attempts = 0;
            s.Timing += e => { OnGameThread(); if (e.Step == "http_login") Interlocked.Increment(ref attempts); };
            try
            {
                await s.ConnectAsync().ConfigureAwait(false);
            }
            catch (ClientException e)
            {
                await Task.Delay(50).ConfigureAwait(false); // the game thread drains the last timing events
                return new KeyValuePair<ClientException, int>(e, Volatile.Read(ref attempts));
            }
            finally
            {
                Forget(s);
            }
            throw new TestFailure(o.Account + ": connect succeeded");
        }

        /// <summary>
        /// A host creates a private room of 2 over TCP (TLS) and a friend joins it by id over wss: both are in that room
        /// inside the arena (Joined names it, one State lists them both); a third player gets ROOM_FULL and an unknown id
        /// ROOM_NOT_FOUND at enter_game, each after one attempt although Retry is on (room errors are never retried).
        /// </summary>
        static async Task RoomsScenario(Dictionary<string, object> r)
        {
            await Ask("empty").ConfigureAwait(false); // the room takes its 2 places out of the cluster's 2
            var appmgr = Arg("appmgr_b");
            var ho = Options(appmgr, "cs-room-host", TransportKind.Tcp, true);
            ho.Messages = ArenaIds.Table();
            ho.Room = RoomRequest.ToCreate(new RoomSpec { Mode = "arena", MaxPlayers = 2, IsPrivate = true });
            var host = NewSession(ho);
            GameSession friend = null;
            try
            {
                var hostJoined = new TaskCompletionSource<Joined>(TaskCreationOptions.RunContinuationsAsynchronously);
                var together = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                string id = null;
                host.On<Joined>(j => { OnGameThread(); hostJoined.TrySetResult(j); });
                host.On<State>(st =>
                {
                    OnGameThread();
                    var names = st.Players.Select(p => p.Account).OrderBy(x => x, StringComparer.Ordinal).ToList();
                    if (st.Room == Volatile.Read(ref id) && string.Join(",", names) == "cs-room-friend,cs-room-host") together.TrySetResult(true);
                });
                await host.ConnectAsync().ConfigureAwait(false);
                Volatile.Write(ref id, host.RoomId);
                Check(System.Text.RegularExpressions.Regex.IsMatch(id, "^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$"), "a room id from the alphabet: " + id);
                var hj = await Within(hostJoined.Task, 10000, "the host's Joined").ConfigureAwait(false);

                var fo = Options(appmgr, "cs-room-friend", TransportKind.WebSocket, true);
                fo.Messages = ArenaIds.Table();
                fo.Room = RoomRequest.ToJoin(id.ToLowerInvariant()); // ids are read in any letter case
                friend = NewSession(fo);
                var friendJoined = new TaskCompletionSource<Joined>(TaskCreationOptions.RunContinuationsAsynchronously);
                var friendSteps = new List<string>();
                friend.On<Joined>(j => { OnGameThread(); friendJoined.TrySetResult(j); });
                friend.Timing += e => { OnGameThread(); lock (friendSteps) friendSteps.Add(e.Step); };
                await friend.ConnectAsync().ConfigureAwait(false);
                var fj = await Within(friendJoined.Task, 10000, "the friend's Joined").ConfigureAwait(false);
                await Within(together.Task, 10000, "one State of the room with both players").ConfigureAwait(false);

                var third = Options(appmgr, "cs-room-third", TransportKind.Tcp, true);
                third.Room = RoomRequest.ToJoin(id);
                var full = await FailsCounted(third).ConfigureAwait(false);
                var lost = Options(appmgr, "cs-room-lost", TransportKind.Tcp, true);
                lost.Room = RoomRequest.ToJoin("K7QX2MPA");
                var notFound = await FailsCounted(lost).ConfigureAwait(false);

                r["room_id"] = id;
                r["host_room"] = host.RoomId;
                r["host_joined_room"] = hj.Room;
                r["friend_room"] = friend.RoomId;
                r["friend_joined_room"] = fj.Room;
                lock (friendSteps) r["friend_steps"] = new List<object>(friendSteps);
                r["full"] = ErrorJson(full.Key);
                r["full_attempts"] = full.Value;
                r["not_found"] = ErrorJson(notFound.Key);
                r["not_found_attempts"] = notFound.Value;
                await Within(Task.WhenAll(host.LeaveAsync(), friend.LeaveAsync()), 10000, "host and friend leave").ConfigureAwait(false);
            }
            finally
            {
                Forget(host);
                if (friend != null) Forget(friend);
            }
        }

        // ------------------------------------------------------------------ codec agreement with the TypeScript codec

        static readonly string[] MessageTypes =
        {
            "Ping", "Pong", "Kick", "AccountCheck", "AccountCheckRs", "RoomSpec", "RoomJoin", "RoomRequest", "EnterGame", "EnterGameRs",
            "LoginByToken", "LoginByTokenRs", "Resume", "ResumeRs", "Leave", "Echo",
        };

        static IProtoMessage New(string type)
        {
            switch (type)
            {
                case "Ping": return new Ping();
                case "Pong": return new Pong();
                case "Kick": return new Kick();
                case "AccountCheck": return new AccountCheck();
                case "AccountCheckRs": return new AccountCheckRs();
                case "RoomSpec": return new RoomSpec();
                case "RoomJoin": return new RoomJoin();
                case "RoomRequest": return new RoomRequest();
                case "EnterGame": return new EnterGame();
                case "EnterGameRs": return new EnterGameRs();
                case "LoginByToken": return new LoginByToken();
                case "LoginByTokenRs": return new LoginByTokenRs();
                case "Resume": return new Resume();
                case "ResumeRs": return new ResumeRs();
                case "Leave": return new Leave();
                case "Echo": return new Echo();
                default: throw new ArgumentException(type);
            }
        }

        static string Hex(byte[] b)
        {
            var sb = new StringBuilder(b.Length * 2);
            foreach (var x in b) sb.Append(x.ToString("x2"));
            return sb.ToString();
        }

        static byte[] Unhex(string s)
        {
            var b = new byte[s.Length / 2];
            for (var i = 0; i < b.Length; i++) b[i] = Convert.ToByte(s.Substring(i * 2, 2), 16);
            return b;
        }

        /// <summary>
        /// TS → C#: each line `type hex` (the TypeScript codec's bytes) is decoded and encoded again; C# → TS: random
        /// messages made here. Both are written as `type hex dump` for the test to compare with the TypeScript codec.
        /// </summary>
        static Task Codec(Dictionary<string, object> r)
        {
            var n = 0;
            using (var w = new StreamWriter(Arg("codec_out")))
            {
                foreach (var line in File.ReadLines(Arg("codec_in")))
                {
                    var parts = line.Split('\t');
                    var m = New(parts[0]);
                    var bytes = Unhex(parts[1]);
                    m.MergeFrom(new ProtoReader(bytes));
                    w.Write("ts\t" + parts[0] + "\t" + Hex(Proto.Encode(m)) + "\t" + m + "\n");
                    n++;
                }
                var rnd = new Random(int.Parse(Arg("seed")));
                var per = int.Parse(Arg("count"));
                foreach (var t in MessageTypes)
                {
                    for (var i = 0; i < per; i++)
                    {
                        var m = RandomMessage(t, rnd);
                        w.Write("cs\t" + t + "\t" + Hex(Proto.Encode(m)) + "\t" + m + "\n");
                    }
                }
                r["ts_cases"] = n;
                r["cs_cases"] = per * MessageTypes.Length;
            }
            // Malformed bytes are a ProtoException, never an out-of-range read.
            var bad = new[] { "0a05616263", "08ffffffffffffffffffff01", "0d0102", "0b", "1a8080808010" };
            foreach (var h in bad)
            {
                try
                {
                    Proto.Parse<LoginByTokenRs>(Unhex(h));
                    throw new TestFailure("malformed " + h + " decoded");
                }
                catch (ProtoException) { }
            }
            r["malformed_rejected"] = bad.Length;
            return Task.FromResult(0);
        }

        static readonly string[] Pieces = { "a", "Z", "0", "_", "-", ".", "@", " ", "é", "ß", "中", "文", "😀", "🎮", "\u0000", "\n", "\"", "\\", "\u007f", "\u00a0" };

        static string RandomString(Random rnd)
        {
            var k = rnd.Next(4) == 0 ? 0 : rnd.Next(1, 24);
            var sb = new StringBuilder();
            for (var i = 0; i < k; i++) sb.Append(Pieces[rnd.Next(Pieces.Length)]);
            return sb.ToString();
        }

        static int RandomInt(Random rnd)
        {
            switch (rnd.Next(6))
            {
                case 0: return 0;
                case 1: return rnd.Next(-10, 130);
                case 2: return int.MinValue + rnd.Next(3);
                case 3: return int.MaxValue - rnd.Next(3);
                default: return rnd.Next(int.MinValue, int.MaxValue);
            }
        }

        static long RandomLong(Random rnd)
        {
            switch (rnd.Next(6))
            {
                case 0: return 0;
                case 1: return rnd.Next(-1000, 1000);
                case 2: return long.MinValue + rnd.Next(3);
                case 3: return long.MaxValue - rnd.Next(3);
                case 4: return 1700000000000L + rnd.Next();
                default:
                    var b = new byte[8];
                    rnd.NextBytes(b);
                    return BitConverter.ToInt64(b, 0);
            }
        }

        static int RandomEnum(Random rnd)
        {
            var k = rnd.Next(10);
            return k < 7 ? rnd.Next(14) : k < 9 ? rnd.Next(14, 1000) : -rnd.Next(1, 5);
        }

        static byte[] RandomBytes(Random rnd)
        {
            var b = new byte[rnd.Next(3) == 0 ? 0 : rnd.Next(1, rnd.Next(10) == 0 ? 3000 : 40)];
            rnd.NextBytes(b);
            return b;
        }

        static RoomSpec RandomSpec(Random rnd)
        {
            var s = new RoomSpec { Mode = RandomString(rnd), MaxPlayers = RandomInt(rnd), IsPrivate = rnd.Next(2) == 1 };
            var k = rnd.Next(9);
            for (var i = 0; i < k; i++) s.Labels[RandomString(rnd)] = RandomString(rnd);
            return s;
        }

        static RoomRequest RandomRoom(Random rnd)
        {
            switch (rnd.Next(4))
            {
                case 0: return new RoomRequest();
                case 1: return RoomRequest.ToCreate(RandomSpec(rnd));
                case 2: return RoomRequest.ToJoin(RandomString(rnd));
                default: return RoomRequest.ToFind(RandomSpec(rnd));
            }
        }

        static IProtoMessage RandomMessage(string t, Random rnd)
        {
            switch (t)
            {
                case "Ping": return new Ping { ClientTimeMs = RandomLong(rnd) };
                case "Pong": return new Pong { ClientTimeMs = RandomLong(rnd), ServerTimeMs = RandomLong(rnd) };
                case "Kick": return new Kick { Reason = (KickReason)RandomEnum(rnd) };
                case "AccountCheck": return new AccountCheck { Account = RandomString(rnd), Password = RandomString(rnd), Token = RandomString(rnd) };
                case "AccountCheckRs": return new AccountCheckRs { ReturnCode = (ReturnCode)RandomEnum(rnd), PlayerId = RandomString(rnd) };
                case "RoomSpec": return RandomSpec(rnd);
                case "RoomJoin": return new RoomJoin { RoomId = RandomString(rnd) };
                case "RoomRequest": return RandomRoom(rnd);
                case "EnterGame": return new EnterGame { Room = rnd.Next(3) == 0 ? null : RandomRoom(rnd), Admission = RandomString(rnd) };
                case "EnterGameRs": return new EnterGameRs { ReturnCode = (ReturnCode)RandomEnum(rnd), Ip = RandomString(rnd), Port = RandomInt(rnd), Token = RandomString(rnd), RoomId = RandomString(rnd) };
                case "LoginByToken": return new LoginByToken { Account = RandomString(rnd), Token = RandomString(rnd) };
                case "LoginByTokenRs": return new LoginByTokenRs { ReturnCode = (ReturnCode)RandomEnum(rnd), PlayerId = RandomString(rnd), ResumeToken = RandomString(rnd), RoomId = RandomString(rnd) };
                case "Resume": return new Resume { Account = RandomString(rnd), ResumeToken = RandomString(rnd) };
                case "ResumeRs": return new ResumeRs { ReturnCode = (ReturnCode)RandomEnum(rnd), ResumeToken = RandomString(rnd) };
                case "Leave": return new Leave();
                case "Echo": return new Echo { Payload = RandomBytes(rnd), ClientTimeMs = RandomLong(rnd) };
                default: throw new ArgumentException(t);
            }
        }

        // ------------------------------------------------------------------ result lines

        static string Json(object v)
        {
            var sb = new StringBuilder();
            WriteJson(sb, v);
            return sb.ToString();
        }

        static void WriteJson(StringBuilder sb, object v)
        {
            if (v == null) sb.Append("null");
            else if (v is string) Str(sb, (string)v);
            else if (v is bool) sb.Append((bool)v ? "true" : "false");
            else if (v is int || v is long || v is double) sb.Append(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture));
            else if (v is Dictionary<string, object>)
            {
                sb.Append('{');
                var first = true;
                foreach (var kv in (Dictionary<string, object>)v)
                {
                    if (!first) sb.Append(',');
                    first = false;
                    Str(sb, kv.Key);
                    sb.Append(':');
                    WriteJson(sb, kv.Value);
                }
                sb.Append('}');
            }
            else if (v is System.Collections.IEnumerable)
            {
                sb.Append('[');
                var first = true;
                foreach (var x in (System.Collections.IEnumerable)v)
                {
                    if (!first) sb.Append(',');
                    first = false;
                    WriteJson(sb, x);
                }
                sb.Append(']');
            }
            else Str(sb, v.ToString());
        }

        static void Str(StringBuilder sb, string s)
        {
            sb.Append('"');
            foreach (var c in s)
            {
                if (c == '"' || c == '\\') sb.Append('\\').Append(c);
                else if (c < 0x20 || c > 0x7e) sb.Append("\\u").Append(((int)c).ToString("x4"));
                else sb.Append(c);
            }
            sb.Append('"');
        }
    }
}
