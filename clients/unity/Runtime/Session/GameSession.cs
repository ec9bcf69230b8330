// The client session (protocol.md "Player flow", "Resume"; queue.md; rooms.md), the C# twin of the JS SDK's
// session.ts: ConnectAsync runs /login → login (AccountCheck, EnterGame) → game (LoginByToken) over TCP/TLS or
// WebSocket, then keeps the game connection: a Ping every PingEveryMs (a Pong missing for a step timeout counts as a
// dead connection), the game's messages by type both ways, and — when the connection drops without a kick or a
// leave — C2G_Resume to the same game within the resume window, else (or when the token is refused) the whole flow
// again through /login (a room session rejoins its room by id).
//
// Threading: the network runs on background tasks and never calls into the game. Everything the game hears — the
// events below and its messages' handlers — is queued and runs inside Update(), on the thread that calls it (Unity:
// the main thread, from a MonoBehaviour's Update). Only the tasks ConnectAsync, RequestAsync and LeaveAsync return
// complete elsewhere; `await` them from the main thread and Unity's synchronization context brings you back to it.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace GameCluster.Client
{
    public sealed class GameSession : IDisposable
    {
        const int MaxUnheardPerType = 64;

        sealed class GameLink
        {
            public FrameLink Link;
            public string Host;
            public int Port;
            public string PlayerId = "";
            public string ResumeToken = "";
            public string RoomId = "";
        }

        sealed class Pending
        {
            public Type Type;
            public TaskCompletionSource<object> Tcs;
            public CancellationTokenSource Timer;
        }

        readonly ConnectOptions o;
        readonly MessageTable table;
        readonly IConnector connector;
        readonly IHttpGet http;
        readonly bool ownsHttp;
        readonly object gate = new object();
        readonly ConcurrentQueue<Action> events = new ConcurrentQueue<Action>();
        readonly Dictionary<Type, List<Action<object>>> handlers = new Dictionary<Type, List<Action<object>>>();
        readonly Dictionary<Type, Queue<object>> unheard = new Dictionary<Type, Queue<object>>();
        readonly Dictionary<ushort, List<Action<byte[]>>> rawHandlers = new Dictionary<ushort, List<Action<byte[]>>>();
        readonly List<Pending> pending = new List<Pending>();
        readonly TaskCompletionSource<CloseEvent> closed = new TaskCompletionSource<CloseEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        readonly CancellationTokenSource life = new CancellationTokenSource();
        int queuedEvents;
        long droppedMessages;
        GameLink g;
        SessionState state = SessionState.Idle;
        bool leaving;
        Timer pingTimer, pongTimer;
        long pingSentAt;
        bool pingTimedOut;

        /// <summary>How long a step took (http_login, queue_wait, account_check, enter_game, game_login, resume).</summary>
        public event Action<TimingEvent> Timing;
        /// <summary>The place in the admission queue (ConnectOptions.Queue), at every poll.</summary>
        public event Action<QueueUpdate> QueueUpdated;
        /// <summary>S2C_Kick; Closed (reason kicked) follows. A kicked session never resumes.</summary>
        public event Action<KickEvent> Kicked;
        /// <summary>The game connection dropped; the session is resuming (nothing is sent meanwhile).</summary>
        public event Action<ClientException> Away;
        /// <summary>Back online: via "resume" (same session, state kept) or "login" (a new session through /login).</summary>
        public event Action<ResumedEvent> Resumed;
        /// <summary>The session is over: left, kicked, or dropped (not resumed).</summary>
        public event Action<CloseEvent> Closed;
        /// <summary>A Pong: the round trip in milliseconds.</summary>
        public event Action<double> Pong;
        /// <summary>A server message that does not decode, or a handler that threw (without a listener here, Update() rethrows it).</summary>
        public event Action<Exception> Error;

        public GameSession(ConnectOptions options)
        {
            if (options == null) throw new ArgumentNullException("options");
            options.Validate();
            o = options;
            table = options.Messages ?? new MessageTable();
            connector = options.Connector ?? DefaultConnector.Instance;
            if (options.Http != null) http = options.Http;
            else
            {
                http = new HttpClientGet(options.TlsOptions);
                ownsHttp = true;
            }
        }

        public string Account { get { return o.Account; } }
        public SessionState State { get { lock (gate) return state; } }
        /// <summary>From G2C_LoginByTokenRs (a new one after a resume through /login).</summary>
        public string PlayerId { get { lock (gate) return g == null ? "" : g.PlayerId; } }
        /// <summary>The room the game pod confirmed ("" without a room).</summary>
        public string RoomId { get { lock (gate) return g == null ? "" : g.RoomId; } }
        /// <summary>The game pod, `ip:port` as dialed.</summary>
        public string GameAddress { get { lock (gate) return g == null ? "" : g.Host + ":" + g.Port; } }
        /// <summary>Completes once the session is over (also when ConnectAsync failed: reason dropped, with its error).</summary>
        public Task<CloseEvent> WhenClosed { get { return closed.Task; } }
        /// <summary>Game messages dropped because MaxQueuedEvents were waiting for Update().</summary>
        public long DroppedMessages { get { return Interlocked.Read(ref droppedMessages); } }

        // ---------------------------------------------------------------- the game's side

        /// <summary>Runs queued events and message handlers on the calling thread; returns how many ran.</summary>
        public int Update()
        {
            var n = Volatile.Read(ref queuedEvents);
            var done = 0;
            Exception first = null;
            Action a;
            while (done < n && events.TryDequeue(out a))
            {
                Interlocked.Decrement(ref queuedEvents);
                done++;
                try
                {
                    a();
                }
                catch (Exception e)
                {
                    var h = Error;
                    if (h != null) h(e);
                    else if (first == null) first = e;
                }
            }
            if (first != null) ExceptionDispatchInfo.Capture(first).Throw();
            return done;
        }

        /// <summary>Handles the server messages of type T (decoded by the table's serializer); dispose the result to stop.</summary>
        public IDisposable On<T>(Action<T> handler)
        {
            Action<object> w = m => handler((T)m);
            Queue<object> held = null;
            lock (handlers)
            {
                List<Action<object>> l;
                if (!handlers.TryGetValue(typeof(T), out l)) handlers[typeof(T)] = l = new List<Action<object>>();
                l.Add(w);
                if (unheard.TryGetValue(typeof(T), out held)) unheard.Remove(typeof(T));
            }
            // Messages that came before anyone listened go to the first listener (bounded per type).
            if (held != null) foreach (var m in held) { var x = m; Post(() => Deliver(typeof(T), x), false); }
            return new Unsubscribe(() => { lock (handlers) handlers[typeof(T)].Remove(w); });
        }

        /// <summary>Frames of an id the table does not declare, as raw bodies.</summary>
        public IDisposable OnRaw(ushort id, Action<byte[]> handler)
        {
            lock (handlers)
            {
                List<Action<byte[]>> l;
                if (!rawHandlers.TryGetValue(id, out l)) rawHandlers[id] = l = new List<Action<byte[]>>();
                l.Add(handler);
            }
            return new Unsubscribe(() => { lock (handlers) rawHandlers[id].Remove(handler); });
        }

        /// <summary>Sends a game message by its type; false when not sent (not online, or the send queue is full).</summary>
        public bool Send<T>(T message)
        {
            var e = table.Outgoing(typeof(T));
            if (e == null) throw new ClientException(ClientStep.Game, "unknown_message", "no client message of type " + typeof(T).Name + " in the message table");
            return SendRaw(e.Id, e.Serialize(message));
        }

        /// <summary>Sends a frame with any id and body; false when not sent.</summary>
        public bool SendRaw(ushort id, byte[] body)
        {
            FrameLink link;
            lock (gate)
            {
                if (state != SessionState.Online) return false;
                link = g.Link;
            }
            return link.Send(id, body);
        }

        /// <summary>Sends `message` and completes with the next TRes from the server (which then skips the handlers).</summary>
        public async Task<TRes> RequestAsync<TReq, TRes>(TReq message, int timeoutMs = 0)
        {
            if (timeoutMs <= 0) timeoutMs = o.StepTimeoutMs;
            var p = new Pending { Type = typeof(TRes), Tcs = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously), Timer = new CancellationTokenSource(timeoutMs) };
            lock (gate)
            {
                if (state != SessionState.Online) throw new ClientException(ClientStep.Game, "closed_by_server", "cannot send " + typeof(TReq).Name + ": the session is " + state);
                pending.Add(p);
            }
            p.Timer.Token.Register(() =>
            {
                lock (gate) if (!pending.Remove(p)) return;
                p.Tcs.TrySetException(new ClientException(ClientStep.Game, "timeout", "no " + typeof(TRes).Name + " from game " + GameAddress + " within " + timeoutMs + " ms"));
            });
            if (!Send(message))
            {
                lock (gate) pending.Remove(p);
                p.Timer.Dispose();
                throw new ClientException(ClientStep.Game, "closed_by_server", typeof(TReq).Name + " was not sent: the session is " + State);
            }
            return (TRes)await p.Tcs.Task.ConfigureAwait(false);
        }

        /// <summary>C2G_Leave (no resume grace is held for the player), then waits (bounded) for the server to close.</summary>
        public Task<CloseEvent> LeaveAsync()
        {
            FrameLink link = null;
            var sayLeave = false;
            var idle = false;
            lock (gate)
            {
                if (state == SessionState.Closed || leaving) return closed.Task;
                leaving = true;
                if (state == SessionState.Online)
                {
                    link = g.Link;
                    sayLeave = g.ResumeToken != "";
                }
                idle = state == SessionState.Idle;
            }
            life.Cancel(); // a wait in the queue, a resume or a new login stop here
            if (idle) Finish("left", null);
            else if (link != null)
            {
                // A server that hands out resume tokens knows C2G_Leave; one that does not holds no grace: a close is a leave.
                if (sayLeave) link.Send(MsgId.C2G_Leave, new Leave());
                else link.Close();
                var l = link;
                Task.Delay(sayLeave ? o.StepTimeoutMs : 2000).ContinueWith(_ => l.Abort(), TaskScheduler.Default).Forget();
            }
            return closed.Task;
        }

        /// <summary>Drops the game connection abruptly, as a network failure would (to try resume).</summary>
        public void DropConnection()
        {
            FrameLink link = null;
            lock (gate) if (state == SessionState.Online) link = g.Link;
            if (link != null) link.Abort();
        }

        /// <summary>Leaves without waiting (C2G_Leave when online, then the connection is closed); for OnDestroy/OnApplicationQuit.</summary>
        public void Dispose()
        {
            LeaveAsync();
            FrameLink link = null;
            lock (gate) if (g != null) link = g.Link;
            if (link != null) link.Close();
            if (ownsHttp) ((IDisposable)http).Dispose();
        }

        sealed class Unsubscribe : IDisposable
        {
            Action a;
            public Unsubscribe(Action a) { this.a = a; }
            public void Dispose()
            {
                var x = Interlocked.Exchange(ref a, null);
                if (x != null) x();
            }
        }

        // ---------------------------------------------------------------- events to the game's thread

        void Post(Action a, bool droppable)
        {
            if (droppable && Volatile.Read(ref queuedEvents) >= o.MaxQueuedEvents)
            {
                Interlocked.Increment(ref droppedMessages);
                return;
            }
            Interlocked.Increment(ref queuedEvents);
            events.Enqueue(a);
        }

        void PostTiming(string step, double ms, string address = null)
        {
            var e = new TimingEvent { Step = step, Ms = ms, Address = address };
            Post(() => { var h = Timing; if (h != null) h(e); }, false);
        }

        void Deliver(Type t, object m)
        {
            Action<object>[] hs = null;
            lock (handlers)
            {
                List<Action<object>> l;
                if (handlers.TryGetValue(t, out l) && l.Count > 0) hs = l.ToArray();
                else
                {
                    Queue<object> q;
                    if (!unheard.TryGetValue(t, out q)) unheard[t] = q = new Queue<object>();
                    if (q.Count >= MaxUnheardPerType)
                    {
                        q.Dequeue();
                        Interlocked.Increment(ref droppedMessages);
                    }
                    q.Enqueue(m);
                    return;
                }
            }
            foreach (var h in hs) h(m);
        }

        void DeliverRaw(ushort id, byte[] body)
        {
            Action<byte[]>[] hs;
            lock (handlers)
            {
                List<Action<byte[]>> l;
                if (!rawHandlers.TryGetValue(id, out l) || l.Count == 0) return;
                hs = l.ToArray();
            }
            foreach (var h in hs) h(body);
        }

        // ---------------------------------------------------------------- the flow

        /// <summary>Runs the whole flow (with retries when Retry is on) and brings the session online.</summary>
        public async Task ConnectAsync(CancellationToken ct = default(CancellationToken))
        {
            lock (gate)
            {
                if (state != SessionState.Idle) throw new InvalidOperationException("ConnectAsync runs once per session (state " + state + ")");
                state = SessionState.Connecting;
            }
            using (var cts = CancellationTokenSource.CreateLinkedTokenSource(ct, life.Token))
            {
                GameLink gl;
                try
                {
                    gl = await FlowWithRetries(o.Room, cts.Token).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    var ce = ClientException.From(ClientStep.HttpLogin, e);
                    bool left;
                    lock (gate)
                    {
                        left = leaving;
                        state = SessionState.Closed;
                    }
                    closed.TrySetResult(new CloseEvent { Reason = left ? "left" : "dropped", Error = ce });
                    throw ce;
                }
                lock (gate)
                {
                    if (!leaving)
                    {
                        Attach(gl);
                        return;
                    }
                }
                Quit(gl.Link, gl.ResumeToken != "");
                Finish("left", null);
                throw new ClientException(ClientStep.GameLogin, "aborted", "LeaveAsync was called while connecting");
            }
        }

        async Task<FrameLink> Dial(string step, string host, int port, string label, CancellationToken ct)
        {
            var conn = await connector.ConnectAsync(new DialOptions
            {
                Transport = o.Transport, Host = host, Port = port, Tls = o.Tls, TlsOptions = o.TlsOptions, TimeoutMs = o.StepTimeoutMs, MaxQueuedBytes = o.MaxQueuedBytes,
            }, ct).ConfigureAwait(false);
            return new FrameLink(conn, label + " " + host + ":" + port);
        }

        static ClientException Fail(string step, Exception e, CancellationToken ct)
        {
            var ce = e as ClientException;
            if (ce != null) return ce.Step == step || ce.Code != "timeout" ? ce : ce.At(step);
            if (ct.IsCancellationRequested) return new ClientException(step, "aborted", "aborted", inner: e);
            return ClientException.From(step, e);
        }

        /// <summary>The whole flow once: /login → login → game; resolves the authenticated game link.</summary>
        async Task<GameLink> LoginFlow(RoomRequest room, CancellationToken ct)
        {
            var T = o.StepTimeoutMs;
            var req = new HttpLoginRequest
            {
                Appmgr = o.Appmgr, WebSocket = o.Transport == TransportKind.WebSocket, Queue = o.Queue, TimeoutMs = T,
                RoomId = room != null && room.Join != null ? room.Join.RoomId : null,
            };
            var login = await HttpLogin.RunAsync(http, req, u => Post(() => { var h = QueueUpdated; if (h != null) h(u); }, false), ct).ConfigureAwait(false);
            if (login.QueuedMs.HasValue) PostTiming("queue_wait", login.QueuedMs.Value);
            PostTiming("http_login", login.ExchangeMs, login.Ip + ":" + login.Port);

            var step = ClientStep.AccountCheck;
            FrameLink lc = null;
            EnterGameRs eg;
            var sw = Stopwatch.StartNew();
            try
            {
                lc = await Dial(step, login.Ip, login.Port, "login", ct).ConfigureAwait(false);
                var ac = await lc.RequestAsync<AccountCheckRs>(step, MsgId.C2L_AccountCheck, new AccountCheck { Account = o.Account, Password = o.Password ?? "" }, MsgId.L2C_AccountCheckRs, T).ConfigureAwait(false);
                if (ac.ReturnCode != ReturnCode.Ok) throw ClientException.FromReturnCode(step, (int)ac.ReturnCode);
                PostTiming("account_check", sw.Elapsed.TotalMilliseconds);
                step = ClientStep.EnterGame;
                sw.Restart();
                eg = await lc.RequestAsync<EnterGameRs>(step, MsgId.C2L_EnterGame, new EnterGame { Room = room, Admission = login.Admission }, MsgId.L2C_EnterGameRs, T).ConfigureAwait(false);
                if (eg.ReturnCode != ReturnCode.Ok) throw ClientException.FromReturnCode(step, (int)eg.ReturnCode);
                if (eg.Ip == "" || eg.Port <= 0 || eg.Token == "") throw new ClientException(step, "bad_response", "L2C_EnterGameRs OK without ip/port/token: " + eg);
                PostTiming("enter_game", sw.Elapsed.TotalMilliseconds);
            }
            catch (Exception e)
            {
                throw Fail(step, e, ct);
            }
            finally
            {
                if (lc != null) lc.Abort(); // the login closes after EnterGameRs anyway: the player has left login either way
            }

            step = ClientStep.GameLogin;
            FrameLink gl = null;
            sw.Restart();
            try
            {
                gl = await Dial(step, eg.Ip, eg.Port, "game", ct).ConfigureAwait(false);
                var rs = await gl.RequestAsync<LoginByTokenRs>(step, MsgId.C2G_LoginByToken, new LoginByToken { Account = o.Account, Token = eg.Token }, MsgId.G2C_LoginByTokenRs, T).ConfigureAwait(false);
                if (rs.ReturnCode != ReturnCode.Ok) throw ClientException.FromReturnCode(step, (int)rs.ReturnCode);
                PostTiming("game_login", sw.Elapsed.TotalMilliseconds, eg.Ip + ":" + eg.Port);
                return new GameLink { Link = gl, Host = eg.Ip, Port = eg.Port, PlayerId = rs.PlayerId, ResumeToken = rs.ResumeToken, RoomId = rs.RoomId != "" ? rs.RoomId : eg.RoomId };
            }
            catch (Exception e)
            {
                if (gl != null) gl.Abort();
                throw Fail(step, e, ct);
            }
        }

        /// <summary>The flow with MaxAttempts tries when Retry is on (backoff, or the server's Retry-After).</summary>
        async Task<GameLink> FlowWithRetries(RoomRequest room, CancellationToken ct)
        {
            var attempts = o.Retry ? Math.Max(1, o.MaxAttempts) : 1;
            for (var i = 1; ; i++)
            {
                ClientException ce;
                try
                {
                    return await LoginFlow(room, ct).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    ce = Fail(ClientStep.HttpLogin, e, ct);
                }
                if (i >= attempts || !ce.Retryable || ct.IsCancellationRequested) throw ce;
                var waitMs = ce.RetryAfterS.HasValue ? Math.Min(5, ce.RetryAfterS.Value) * 1000 : Math.Min(4000, 250 << i);
                try
                {
                    await Task.Delay(waitMs, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    throw ce;
                }
            }
        }

        // ---------------------------------------------------------------- in game

        static long NowMs() { return DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(); }

        /// <summary>Takes a game link over (under gate).</summary>
        void Attach(GameLink gl)
        {
            g = gl;
            state = SessionState.Online;
            pingTimedOut = false;
            var link = gl.Link;
            link.SetHandler((id, body) => Dispatch(link, id, body));
            link.Closed.ContinueWith(_ => LinkClosed(link), TaskScheduler.Default).Forget();
            pingTimer = new Timer(_ => PingTick(), null, o.PingEveryMs, o.PingEveryMs);
        }

        void PingTick()
        {
            FrameLink link;
            long sentAt;
            lock (gate)
            {
                if (state != SessionState.Online || pongTimer != null) return; // one outstanding Ping at a time
                link = g.Link;
                sentAt = pingSentAt = NowMs();
                pongTimer = new Timer(_ => PongMissing(link), null, o.StepTimeoutMs, Timeout.Infinite);
            }
            link.Send(MsgId.Ping, new Ping { ClientTimeMs = sentAt });
        }

        void PongMissing(FrameLink link)
        {
            lock (gate)
            {
                if (g == null || link != g.Link || pongTimer == null) return;
                pongTimer.Dispose();
                pongTimer = null;
                pingTimedOut = true;
            }
            link.Abort();
        }

        /// <summary>Under gate.</summary>
        void StopPings()
        {
            if (pingTimer != null) pingTimer.Dispose();
            if (pongTimer != null) pongTimer.Dispose();
            pingTimer = pongTimer = null;
        }

        /// <summary>A frame of the game link nobody awaited (on the reading task).</summary>
        void Dispatch(FrameLink link, ushort id, byte[] body)
        {
            if (id == MsgId.Pong)
            {
                Pong p;
                try { p = Proto.Parse<Pong>(body); }
                catch (ProtoException) { return; }
                double rtt;
                lock (gate)
                {
                    if (g == null || link != g.Link || pongTimer == null || p.ClientTimeMs != pingSentAt) return;
                    pongTimer.Dispose();
                    pongTimer = null;
                    rtt = NowMs() - pingSentAt;
                }
                Post(() => { var h = Pong; if (h != null) h(rtt); }, false);
                return;
            }
            if (id == MsgId.S2C_Kick)
            {
                var code = link.KickReason ?? 0;
                var e = new KickEvent { Reason = WireNames.KickReasonName(code), Code = code };
                Post(() => { var h = Kicked; if (h != null) h(e); }, false);
                return;
            }
            var entry = table.Incoming(id);
            if (entry == null)
            {
                Post(() => DeliverRaw(id, body), true);
                return;
            }
            object m;
            try
            {
                m = entry.Deserialize(body);
            }
            catch (Exception ex)
            {
                var err = new ClientException(ClientStep.Game, "bad_body", entry.Type.Name + " (" + id + ") from the server does not decode: " + ex.Message, inner: ex);
                Post(() => { var h = Error; if (h != null) h(err); }, false);
                return;
            }
            Pending p2 = null;
            lock (gate)
            {
                var i = pending.FindIndex(x => x.Type == entry.Type);
                if (i >= 0)
                {
                    p2 = pending[i];
                    pending.RemoveAt(i);
                }
            }
            if (p2 != null)
            {
                p2.Timer.Dispose();
                p2.Tcs.TrySetResult(m);
                return;
            }
            Post(() => Deliver(entry.Type, m), true);
        }

        void LinkClosed(FrameLink link)
        {
            ClientException err;
            List<Pending> ps;
            bool isLeaving;
            lock (gate)
            {
                if (g == null || link != g.Link || state != SessionState.Online) return;
                StopPings();
                err = pingTimedOut
                    ? new ClientException(ClientStep.Game, "timeout", "no Pong from game " + g.Host + ":" + g.Port + " within " + o.StepTimeoutMs + " ms")
                    : link.ClosedError(ClientStep.Game);
                ps = new List<Pending>(pending);
                pending.Clear();
                isLeaving = leaving;
                if (!isLeaving && !link.KickReason.HasValue && (o.Resume || o.Retry)) state = SessionState.Away;
            }
            foreach (var p in ps)
            {
                p.Timer.Dispose();
                p.Tcs.TrySetException(err);
            }
            if (isLeaving) Finish("left", null);
            else if (link.KickReason.HasValue) Finish("kicked", err);
            else if (!o.Resume && !o.Retry) Finish("dropped", err);
            else
            {
                Post(() => { var h = Away; if (h != null) h(err); }, false);
                Recover(err).Forget();
            }
        }

        /// <summary>After a drop: C2G_Resume to the same game while the window lasts, then (Retry) the whole flow again.</summary>
        async Task Recover(ClientException dropErr)
        {
            var last = dropErr;
            var ct = life.Token;
            GameLink old;
            lock (gate) old = g;
            if (o.Resume && old.ResumeToken != "")
            {
                var window = Stopwatch.StartNew();
                var delay = 100;
                while (!ct.IsCancellationRequested && window.ElapsedMilliseconds < o.ResumeWindowMs)
                {
                    FrameLink link = null;
                    try
                    {
                        var sw = Stopwatch.StartNew();
                        link = await Dial(ClientStep.Resume, old.Host, old.Port, "game", ct).ConfigureAwait(false);
                        var rs = await link.RequestAsync<ResumeRs>(ClientStep.Resume, MsgId.C2G_Resume, new Resume { Account = o.Account, ResumeToken = old.ResumeToken }, MsgId.G2C_ResumeRs, o.StepTimeoutMs).ConfigureAwait(false);
                        if (rs.ReturnCode == ReturnCode.Ok && rs.ResumeToken != "")
                        {
                            lock (gate)
                            {
                                if (!leaving)
                                {
                                    PostTiming("resume", sw.Elapsed.TotalMilliseconds, old.Host + ":" + old.Port);
                                    Attach(new GameLink { Link = link, Host = old.Host, Port = old.Port, PlayerId = old.PlayerId, ResumeToken = rs.ResumeToken, RoomId = old.RoomId });
                                    Post(() => { var h = Resumed; if (h != null) h(new ResumedEvent { Via = "resume" }); }, false);
                                    return;
                                }
                            }
                            Quit(link, true);
                            break;
                        }
                        link.Abort();
                        last = ClientException.FromReturnCode(ClientStep.Resume, (int)rs.ReturnCode);
                        break; // TOKEN_INVALID (grace over, kicked meanwhile, pod restarted): this session is gone
                    }
                    catch (Exception e)
                    {
                        if (link != null) link.Abort();
                        last = Fail(ClientStep.Resume, e, ct);
                        try
                        {
                            await Task.Delay((int)Math.Max(0, Math.Min(delay, o.ResumeWindowMs - window.ElapsedMilliseconds)), ct).ConfigureAwait(false);
                        }
                        catch (OperationCanceledException) { break; }
                        delay = Math.Min(delay * 2, 2000);
                    }
                }
            }
            if (ct.IsCancellationRequested)
            {
                Finish("left", null);
                return;
            }
            if (!o.Retry)
            {
                Finish("dropped", last);
                return;
            }
            // A room session comes back to its room: create and join rejoin by id, find finds again.
            var room = o.Room;
            if (room != null && room.Find == null && old.RoomId != "") room = RoomRequest.ToJoin(old.RoomId);
            try
            {
                var gl = await FlowWithRetries(room, ct).ConfigureAwait(false);
                lock (gate)
                {
                    if (!leaving)
                    {
                        Attach(gl);
                        Post(() => { var h = Resumed; if (h != null) h(new ResumedEvent { Via = "login" }); }, false);
                        return;
                    }
                }
                Quit(gl.Link, gl.ResumeToken != "");
                Finish("left", null);
            }
            catch (Exception e)
            {
                bool isLeaving;
                lock (gate) isLeaving = leaving;
                Finish(isLeaving ? "left" : "dropped", isLeaving ? null : ClientException.From(ClientStep.Game, e));
            }
        }

        /// <summary>A link that came back after LeaveAsync: say C2G_Leave where the server knows it, then go.</summary>
        static void Quit(FrameLink link, bool sayLeave)
        {
            if (sayLeave) link.Send(MsgId.C2G_Leave, new Leave());
            link.Close();
            Task.Delay(2000).ContinueWith(_ => link.Abort(), TaskScheduler.Default).Forget();
        }

        void Finish(string reason, ClientException err)
        {
            lock (gate)
            {
                if (state == SessionState.Closed) return;
                state = SessionState.Closed;
                StopPings();
            }
            var e = new CloseEvent { Reason = reason, Error = err };
            Post(() => { var h = Closed; if (h != null) h(e); }, false);
            closed.TrySetResult(e);
        }
    }
}
