// The one error type of the SDK, with the JS SDK's bounded names (services/client/errors.ts): Step says where the flow
// failed, Code is one of a small set so a game can group failures — a return code name (NO_APP, PASSWORD_WRONG, …), a
// socket error code (ECONNREFUSED, ECONNRESET, …), timeout, closed_by_server, kicked:<REASON>, http_<status>,
// bad_response, queue_lost, protocol, aborted, left, bad_options, unknown_message, bad_body, unsupported_transport, error.
using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Authentication;
using System.Threading.Tasks;

namespace GameCluster.Client
{
    /// <summary>Where the flow was: the same step names as the JS SDK and the robots.</summary>
    public static class ClientStep
    {
        public const string HttpLogin = "http_login";
        public const string Queue = "queue";
        public const string AccountCheck = "account_check";
        public const string EnterGame = "enter_game";
        public const string GameLogin = "game_login";
        public const string Resume = "resume";
        public const string Game = "game";
    }

    public sealed class ClientException : Exception
    {
        public readonly string Step;
        public readonly string Code;
        /// <summary>The server's return code, when the code is one.</summary>
        public readonly int? ReturnCode;
        /// <summary>The kick reason, when the code is kicked:&lt;REASON&gt;.</summary>
        public readonly int? KickReason;
        /// <summary>appmgr's Retry-After (seconds), when it sent one.</summary>
        public readonly int? RetryAfterS;

        public ClientException(string step, string code, string message, int? returnCode = null, int? kickReason = null, int? retryAfterS = null, Exception inner = null)
            : base(message, inner)
        {
            Step = step;
            Code = code;
            ReturnCode = returnCode;
            KickReason = kickReason;
            RetryAfterS = retryAfterS;
        }

        /// <summary>The same error at another step (a link's close reported for the step that was waiting).</summary>
        public ClientException At(string step)
        {
            return step == Step ? this : new ClientException(step, Code, Message, ReturnCode, KickReason, RetryAfterS, InnerException);
        }

        public override string ToString() { return "ClientException(" + Step + ", " + Code + "): " + Message; }

        internal static ClientException FromReturnCode(string step, int code, int? retryAfterS = null)
        {
            var name = WireNames.ReturnCodeName(code);
            return new ClientException(step, name, "server answered return code " + code + " (" + name + ")", code, null, retryAfterS);
        }

        /// <summary>Codes worth another attempt of the whole flow (busy cluster, a pod gone), not a wrong password nor a kick.</summary>
        public bool Retryable
        {
            get
            {
                switch (Code)
                {
                    case "NO_APP": case "BUSY": case "UNKNOWN": case "TOKEN_INVALID": case "ALREADY_ONLINE": case "timeout": case "closed_by_server": case "http_429":
                        return true;
                }
                if (Code.StartsWith("http_5", StringComparison.Ordinal) && Code.Length == 8) return true;
                return IsSocketCode(Code);
            }
        }

        static bool IsSocketCode(string c)
        {
            if (c.Length < 2 || c[0] != 'E') return false;
            for (var i = 1; i < c.Length; i++) if (!(c[i] >= 'A' && c[i] <= 'Z') && c[i] != '_') return false;
            return true;
        }

        /// <summary>Any exception at `step` → a ClientException with a bounded code (a ClientException passes through).</summary>
        public static ClientException From(string step, Exception e)
        {
            var agg = e as AggregateException;
            if (agg != null && agg.InnerExceptions.Count == 1) e = agg.InnerExceptions[0];
            var ce = e as ClientException;
            if (ce != null) return ce;
            if (e is TimeoutException || e is OperationCanceledException) return new ClientException(step, "timeout", e.Message, inner: e);
            var fe = e as FrameException;
            if (fe != null) return new ClientException(step, "protocol", fe.Code + ": " + fe.Message, inner: e);
            if (e is ProtoException) return new ClientException(step, "bad_body", e.Message, inner: e);
            for (var x = e; x != null; x = x.InnerException)
            {
                var se = x as SocketException;
                if (se != null) return new ClientException(step, SocketCode(se.SocketErrorCode), e.Message == se.Message ? se.Message : e.Message + ": " + se.Message, inner: e);
                var we = x as WebException;
                if (we != null && we.Status == WebExceptionStatus.Timeout) return new ClientException(step, "timeout", e.Message, inner: e);
                if (we != null && we.Status == WebExceptionStatus.ConnectFailure && x.InnerException == null) return new ClientException(step, "ECONNREFUSED", e.Message, inner: e);
            }
            if (e is IOException || e is WebSocketException || e is ObjectDisposedException) return new ClientException(step, "closed_by_server", e.Message, inner: e);
            if (e is AuthenticationException) return new ClientException(step, "error", "TLS: " + e.Message, inner: e);
            return new ClientException(step, "error", e.Message, inner: e);
        }

        /// <summary>The POSIX name Node gives the same failure, so both SDKs report ECONNREFUSED alike.</summary>
        public static string SocketCode(SocketError e)
        {
            switch (e)
            {
                case SocketError.ConnectionRefused: return "ECONNREFUSED";
                case SocketError.ConnectionReset: return "ECONNRESET";
                case SocketError.ConnectionAborted: return "ECONNABORTED";
                case SocketError.TimedOut: return "ETIMEDOUT";
                case SocketError.HostNotFound: case SocketError.NoData: case SocketError.TryAgain: return "ENOTFOUND";
                case SocketError.NetworkUnreachable: return "ENETUNREACH";
                case SocketError.HostUnreachable: return "EHOSTUNREACH";
                case SocketError.AddressNotAvailable: return "EADDRNOTAVAIL";
                case SocketError.Shutdown: case SocketError.NotConnected: return "EPIPE";
                case SocketError.AccessDenied: return "EACCES";
                default: return "ESOCKET_" + e.ToString().ToUpperInvariant();
            }
        }
    }

    internal static class TaskExtensions
    {
        /// <summary>Observes a task's exception (a fire-and-forget task must never fault unobserved).</summary>
        internal static void Forget(this Task t)
        {
            t.ContinueWith(x => { var unused = x.Exception; }, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
        }
    }
}
