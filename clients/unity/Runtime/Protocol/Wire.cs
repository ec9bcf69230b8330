// Wire constants of the client protocol (protocol.md "Message ids", "Return codes"): the same numbers and the same
// short names as the TypeScript side (services/protocol/wire.ts), so logs and error codes read alike in both SDKs.
using System.Collections.Generic;

namespace GameCluster.Client
{
    /// <summary>Frame message ids of the platform (game modules use 10000–65535).</summary>
    public static class MsgId
    {
        public const ushort Ping = 1;
        public const ushort Pong = 2;
        public const ushort S2C_Kick = 3;
        public const ushort C2L_AccountCheck = 1001;
        public const ushort L2C_AccountCheckRs = 1002;
        public const ushort C2L_EnterGame = 1003;
        public const ushort L2C_EnterGameRs = 1004;
        public const ushort C2G_LoginByToken = 2001;
        public const ushort G2C_LoginByTokenRs = 2002;
        public const ushort C2G_Echo = 2003;
        public const ushort G2C_Echo = 2004;
        public const ushort C2G_Resume = 2005;
        public const ushort G2C_ResumeRs = 2006;
        public const ushort C2G_Leave = 2007;

        /// <summary>The first id a game module may use.</summary>
        public const ushort GameMin = 10000;
        /// <summary>The last id a game module may use.</summary>
        public const ushort GameMax = 65535;
    }

    /// <summary>`ReturnCode` of gamecluster.proto (returncode in the /login JSON uses the same numbers).</summary>
    public enum ReturnCode
    {
        Ok = 0,
        Unknown = 1,
        AccountNotFound = 2,
        PasswordWrong = 3,
        NoApp = 4,
        TokenInvalid = 5,
        Busy = 6,
        AlreadyOnline = 7,
        NotAuthenticated = 8,
        Queued = 9,
        RoomNotFound = 10,
        RoomFull = 11,
        RoomClosed = 12,
        RoomInvalid = 13,
    }

    /// <summary>`Kick.Reason` of gamecluster.proto.</summary>
    public enum KickReason
    {
        Unspecified = 0,
        DuplicateLogin = 1,
        ServerDraining = 2,
        ProtocolError = 3,
        Idle = 4,
        Game = 5,
    }

    /// <summary>The short names both SDKs use in error codes: `NO_APP`, `DUPLICATE_LOGIN`, …</summary>
    public static class WireNames
    {
        static readonly string[] returnCodes =
        {
            "OK", "UNKNOWN", "ACCOUNT_NOT_FOUND", "PASSWORD_WRONG", "NO_APP", "TOKEN_INVALID", "BUSY", "ALREADY_ONLINE",
            "NOT_AUTHENTICATED", "QUEUED", "ROOM_NOT_FOUND", "ROOM_FULL", "ROOM_CLOSED", "ROOM_INVALID",
        };
        static readonly string[] kickReasons = { "UNSPECIFIED", "DUPLICATE_LOGIN", "SERVER_DRAINING", "PROTOCOL_ERROR", "IDLE", "GAME" };

        /// <summary>A return code's name; a number this SDK does not know is `UNKNOWN` (bounded, as in the TS SDK).</summary>
        public static string ReturnCodeName(int code)
        {
            return code >= 0 && code < returnCodes.Length ? returnCodes[code] : "UNKNOWN";
        }

        /// <summary>A kick reason's name; an unknown one is `REASON_&lt;n&gt;`.</summary>
        public static string KickReasonName(int reason)
        {
            return reason >= 0 && reason < kickReasons.Length ? kickReasons[reason] : "REASON_" + reason;
        }

        internal static readonly HashSet<ushort> ServerToClient = new HashSet<ushort>
        {
            MsgId.Pong, MsgId.S2C_Kick, MsgId.L2C_AccountCheckRs, MsgId.L2C_EnterGameRs, MsgId.G2C_LoginByTokenRs, MsgId.G2C_Echo, MsgId.G2C_ResumeRs,
        };
    }
}
