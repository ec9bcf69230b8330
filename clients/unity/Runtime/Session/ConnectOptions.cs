// What a session needs to know, with the JS SDK's names and defaults (docs/client-sdk.md "connect(options)").
using System;

namespace GameCluster.Client
{
    public sealed class ConnectOptions
    {
        /// <summary>appmgr's public base URL, e.g. https://play.example.com (required).</summary>
        public string Appmgr;
        /// <summary>Sent in C2L_AccountCheck (required).</summary>
        public string Account;
        public string Password = "";
        /// <summary>TCP (desktop, mobile, consoles) or WebSocket (`GET /login?transport=ws`, then the WebSocket ports login and game hand out).</summary>
        public TransportKind Transport = TransportKind.Tcp;
        /// <summary>TLS to login and game (wss for WebSocket).</summary>
        public bool Tls;
        /// <summary>A private CA, a server name, or a custom check (TCP+TLS and https; see TlsOptions for wss).</summary>
        public TlsOptions TlsOptions;
        /// <summary>The room to ask for in C2L_EnterGame (rooms.md): RoomRequest.ToCreate / ToJoin / ToFind; null: no room.</summary>
        public RoomRequest Room;
        /// <summary>The game's own messages and their serializers; Echo is always in it.</summary>
        public MessageTable Messages;
        /// <summary>Wait in the admission queue when the cluster is full (queue.md) instead of failing with NO_APP.</summary>
        public bool Queue;
        /// <summary>Resume a dropped game connection with C2G_Resume (default true).</summary>
        public bool Resume = true;
        /// <summary>Go back through /login when resuming fails, and retry a failed connect (default true).</summary>
        public bool Retry = true;
        /// <summary>Bound on each step: an HTTP exchange, a connect, each answer, a Pong.</summary>
        public int StepTimeoutMs = 10000;
        /// <summary>Ping interval in game (protocol.md: every 15 s).</summary>
        public int PingEveryMs = 15000;
        /// <summary>How long to keep trying C2G_Resume after a drop (the servers' default RESUME_GRACE_MS).</summary>
        public int ResumeWindowMs = 30000;
        /// <summary>Attempts of the whole flow when Retry is on (initial connect and after a failed resume).</summary>
        public int MaxAttempts = 3;
        /// <summary>Bound on bytes queued for sending on the game connection; Send returns false beyond it.</summary>
        public int MaxQueuedBytes = 1 << 20;
        /// <summary>Events (and game messages) held for Update(); beyond it the oldest game messages are dropped and counted.</summary>
        public int MaxQueuedEvents = 65536;
        /// <summary>Opens frame connections (default: TCP/TLS and ClientWebSocket); WebGL plugs a JavaScript-backed one.</summary>
        public IConnector Connector;
        /// <summary>GET /login (default: HttpClient); WebGL plugs one on UnityWebRequest.</summary>
        public IHttpGet Http;

        internal void Validate()
        {
            if (string.IsNullOrEmpty(Appmgr)) throw new ClientException(ClientStep.HttpLogin, "bad_options", "connect: Appmgr is required");
            if (string.IsNullOrEmpty(Account)) throw new ClientException(ClientStep.AccountCheck, "bad_options", "connect: Account is required");
            if (StepTimeoutMs <= 0 || PingEveryMs <= 0 || ResumeWindowMs < 0 || MaxAttempts < 1 || MaxQueuedBytes < 65536 || MaxQueuedEvents < 16)
                throw new ClientException(ClientStep.HttpLogin, "bad_options", "connect: StepTimeoutMs and PingEveryMs > 0, ResumeWindowMs >= 0, MaxAttempts >= 1, MaxQueuedBytes >= 65536, MaxQueuedEvents >= 16");
        }
    }

    public enum SessionState
    {
        /// <summary>Not connected yet (or ConnectAsync failed).</summary>
        Idle,
        Connecting,
        Online,
        /// <summary>The game connection dropped; resuming.</summary>
        Away,
        Closed,
    }

    /// <summary>How long a step took (the robots' step names): http_login, queue_wait, account_check, enter_game, game_login, resume.</summary>
    public sealed class TimingEvent
    {
        public string Step;
        public double Ms;
        /// <summary>The pod reached (`ip:port`): the login for http_login, the game for game_login and resume.</summary>
        public string Address;
    }

    public sealed class KickEvent
    {
        /// <summary>DUPLICATE_LOGIN, SERVER_DRAINING, PROTOCOL_ERROR, IDLE, GAME, UNSPECIFIED.</summary>
        public string Reason;
        public int Code;
    }

    public sealed class CloseEvent
    {
        /// <summary>left: LeaveAsync(); kicked: S2C_Kick then close; dropped: lost and not resumed.</summary>
        public string Reason;
        public ClientException Error;
    }

    public sealed class ResumedEvent
    {
        /// <summary>resume: the same session (C2G_Resume, the game kept its state); login: a new session through /login.</summary>
        public string Via;
    }
}
