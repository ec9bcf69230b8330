// The platform's client-facing messages of proto/gamecluster/v1/gamecluster.proto, encoded by hand with ProtoWriter/
// ProtoReader so the package depends on nothing (no Google.Protobuf, no generated code to keep in step). Field numbers
// and types are the contract; test/unity-client.test.ts checks every message byte for byte against the TypeScript
// codec (services/protocol/gen) on random values. ToString() is a JSON dump with the proto's field names (int64 as
// strings, bytes as hex), for logs and for that comparison.
using System;
using System.Collections.Generic;
using System.Text;

namespace GameCluster.Client
{
    /// <summary>Encoding and parsing of any IProtoMessage.</summary>
    public static class Proto
    {
        public static byte[] Encode(IProtoMessage m)
        {
            var w = new ProtoWriter();
            m.WriteTo(w);
            return w.ToArray();
        }

        public static T Parse<T>(byte[] data) where T : IProtoMessage, new()
        {
            return Parse<T>(data, 0, data.Length);
        }

        public static T Parse<T>(byte[] data, int offset, int count) where T : IProtoMessage, new()
        {
            var m = new T();
            m.MergeFrom(new ProtoReader(data, offset, count));
            return m;
        }
    }

    /// <summary>Shared by the messages' ToString(): a compact JSON object writer.</summary>
    internal sealed class JsonDump
    {
        readonly StringBuilder sb = new StringBuilder("{");
        bool first = true;

        JsonDump Key(string k)
        {
            if (!first) sb.Append(',');
            first = false;
            Str(sb, k);
            sb.Append(':');
            return this;
        }

        internal static void Str(StringBuilder sb, string s)
        {
            sb.Append('"');
            foreach (var c in s ?? "")
            {
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    default:
                        if (c < 0x20 || (c >= 0xD800 && c <= 0xDFFF) || c > 0x7E) sb.Append("\\u").Append(((int)c).ToString("x4"));
                        else sb.Append(c);
                        break;
                }
            }
            sb.Append('"');
        }

        public JsonDump S(string k, string v) { Key(k); Str(sb, v); return this; }
        public JsonDump I(string k, long v) { Key(k).sb.Append(v); return this; }
        public JsonDump L(string k, long v) { Key(k).sb.Append('"').Append(v).Append('"'); return this; }
        public JsonDump B(string k, bool v) { Key(k).sb.Append(v ? "true" : "false"); return this; }

        public JsonDump Hex(string k, byte[] v)
        {
            Key(k).sb.Append('"');
            foreach (var b in v ?? new byte[0]) sb.Append(b.ToString("x2"));
            sb.Append('"');
            return this;
        }

        public JsonDump M(string k, object m) { Key(k).sb.Append(m == null ? "null" : m.ToString()); return this; }

        public JsonDump Map(string k, IDictionary<string, string> m)
        {
            Key(k).sb.Append('{');
            var keys = new List<string>(m.Keys);
            keys.Sort(string.CompareOrdinal);
            for (var i = 0; i < keys.Count; i++)
            {
                if (i > 0) sb.Append(',');
                Str(sb, keys[i]);
                sb.Append(':');
                Str(sb, m[keys[i]]);
            }
            sb.Append('}');
            return this;
        }

        public override string ToString() { return sb.ToString() + "}"; }
    }

    public sealed class Ping : IProtoMessage
    {
        public long ClientTimeMs;
        public void WriteTo(ProtoWriter w) { w.Int64(1, ClientTimeMs); }
        public void MergeFrom(ProtoReader r)
        {
            for (int f; (f = r.ReadTag()) != 0;)
                if (f == 1) ClientTimeMs = r.ReadInt64(); else r.Skip();
        }
        public override string ToString() { return new JsonDump().L("client_time_ms", ClientTimeMs).ToString(); }
    }

    public sealed class Pong : IProtoMessage
    {
        public long ClientTimeMs;
        public long ServerTimeMs;
        public void WriteTo(ProtoWriter w) { w.Int64(1, ClientTimeMs); w.Int64(2, ServerTimeMs); }
        public void MergeFrom(ProtoReader r)
        {
            for (int f; (f = r.ReadTag()) != 0;)
            {
                if (f == 1) ClientTimeMs = r.ReadInt64();
                else if (f == 2) ServerTimeMs = r.ReadInt64();
                else r.Skip();
            }
        }
        public override string ToString() { return new JsonDump().L("client_time_ms", ClientTimeMs).L("server_time_ms", ServerTimeMs).ToString(); }
    }

    public sealed class Kick : IProtoMessage
    {
        public KickReason Reason;
        public void WriteTo(ProtoWriter w) { w.Int32(1, (int)Reason); }
        public void MergeFrom(ProtoReader r)
        {
            for (int f; (f = r.ReadTag()) != 0;)
                if (f == 1) Reason = (KickReason)r.ReadInt32(); else r.Skip();
        }
        public override string ToString() { return new JsonDump().I("reason", (int)Reason).ToString(); }
    }

    public sealed class AccountCheck : IProtoMessage
    {
        public string Account = "";
        public string Password = "";
        public string Token = "";
        public void WriteTo(ProtoWriter w) { w.String(1, Account); w.String(2, Password); w.String(3, Token); }
        public void MergeFrom(ProtoReader r)
        {
            for (int f; (f = r.ReadTag()) != 0;)
            {
                if (f == 1) Account = r.ReadString();
                else if (f == 2) Password = r.ReadString();
                else if (f == 3) Token = r.ReadString();
                else r.Skip();
            }
        }
        public override string ToString() { return new JsonDump().S("account", Account).S("password", Password).S("token", Token).ToString(); }
    }

    public sealed class AccountCheckRs : IProtoMessage
    {
        public ReturnCode ReturnCode;
        public string PlayerId = "";
        public void WriteTo(ProtoWriter w) { w.Int32(1, (int)ReturnCode); w.String(2, PlayerId); }
        public void MergeFrom(ProtoReader r)
        {
            for (int f; (f = r.ReadTag()) != 0;)
            {
                if (f == 1) ReturnCode = (ReturnCode)r.ReadInt32();
                else if (f == 2) PlayerId = r.ReadString();
                else r.Skip();
            }
        }
        public override string ToString() { return new JsonDump().I("return_code", (int)ReturnCode).S("player_id", PlayerId).ToString(); }
    }

    /// <summary>The room a player asks for (rooms.md): a game mode, a size, private or public, labels (at most 8).</summary>
    public sealed class RoomSpec : IProtoMessage
    {
        public string Mode = "";
        /// <summary>1 … the mode's max_players; 0: the mode's max_players.</summary>
        public int MaxPlayers;
        public bool IsPrivate;
        public Dictionary<string, string> Labels = new Dictionary<string, string>();

        public void WriteTo(ProtoWriter w)
        {
            w.String(1, Mode);
            w.Int32(2, MaxPlayers);
            w.Bool(3, IsPrivate);
            if (Labels == null) return;
            var keys = new List<string>(Labels.Keys);
            keys.Sort(string.CompareOrdinal); // deterministic bytes; peers compare maps decoded anyway
            foreach (var k in keys)
            {
                var e = new ProtoWriter();
                e.StringAlways(1, k);
                e.StringAlways(2, Labels[k] ?? "");
                w.BytesAlways(4, e.ToArray(), 0, e.Length);
            }
        }

        public void MergeFrom(ProtoReader r)
        {
            for (int f; (f = r.ReadTag()) != 0;)
            {
                if (f == 1) Mode = r.ReadString();
                else if (f == 2) MaxPlayers = r.ReadInt32();
                else if (f == 3) IsPrivate = r.ReadBool();
                else if (f == 4)
                {
                    var e = r.ReadNested();
                    string k = "", v = "";
                    for (int g; (g = e.ReadTag()) != 0;)
                    {
                        if (g == 1) k = e.ReadString();
                        else if (g == 2) v = e.ReadString();
                        else e.Skip();
                    }
                    if (Labels == null) Labels = new Dictionary<string, string>();
                    Labels[k] = v;
                }
                else r.Skip();
            }
        }

        public override string ToString()
        {
            return new JsonDump().S("mode", Mode).I("max_players", MaxPlayers).B("is_private", IsPrivate).Map("labels", Labels ?? new Dictionary<string, string>()).ToString();
        }
    }

    public sealed class RoomJoin : IProtoMessage
    {
        public string RoomId = "";
        public void WriteTo(ProtoWriter w) { w.String(1, RoomId); }
        public void MergeFrom(ProtoReader r)
        {
            for (int f; (f = r.ReadTag()) != 0;)
                if (f == 1) RoomId = r.ReadString(); else r.Skip();
        }
        public override string ToString() { return new JsonDump().S("room_id", RoomId).ToString(); }
    }

    /// <summary>`oneof want { create, join, find }`: setting one clears the others.</summary>
    public sealed class RoomRequest : IProtoMessage
    {
        RoomSpec create, find;
        RoomJoin join;

        public RoomSpec Create { get { return create; } set { create = value; if (value != null) { join = null; find = null; } } }
        public RoomJoin Join { get { return join; } set { join = value; if (value != null) { create = null; find = null; } } }
        public RoomSpec Find { get { return find; } set { find = value; if (value != null) { create = null; join = null; } } }

        /// <summary>A new room; the player holds its first seat.</summary>
        public static RoomRequest ToCreate(RoomSpec spec) { return new RoomRequest { Create = spec ?? new RoomSpec() }; }
        /// <summary>A seat in an existing room, by its id (8 characters, any letter case).</summary>
        public static RoomRequest ToJoin(string roomId) { return new RoomRequest { Join = new RoomJoin { RoomId = roomId ?? "" } }; }
        /// <summary>The fullest open public room of this mode whose labels include these, else a new one.</summary>
        public static RoomRequest ToFind(RoomSpec spec) { return new RoomRequest { Find = spec ?? new RoomSpec() }; }

        public void WriteTo(ProtoWriter w) { w.Message(1, create); w.Message(2, join); w.Message(3, find); }

        public void MergeFrom(ProtoReader r)
        {
            for (int f; (f = r.ReadTag()) != 0;)
            {
                if (f == 1) Create = r.ReadMessage(create ?? new RoomSpec());
                else if (f == 2) Join = r.ReadMessage(join ?? new RoomJoin());
                else if (f == 3) Find = r.ReadMessage(find ?? new RoomSpec());
                else r.Skip();
            }
        }

        public override string ToString() { return new JsonDump().M("create", create).M("join", join).M("find", find).ToString(); }
    }

    public sealed class EnterGame : IProtoMessage
    {
        /// <summary>Absent: no room, the least-loaded game pod.</summary>
        public RoomRequest Room;
        /// <summary>The admission token /login handed out after a wait in the queue (queue.md).</summary>
        public string Admission = "";
        public void WriteTo(ProtoWriter w) { w.Message(1, Room); w.String(2, Admission); }
        public void MergeFrom(ProtoReader r)
        {
            for (int f; (f = r.ReadTag()) != 0;)
            {
                if (f == 1) Room = r.ReadMessage(Room ?? new RoomRequest());
                else if (f == 2) Admission = r.ReadString();
                else r.Skip();
            }
        }
        public override string ToString() { return new JsonDump().M("room", Room).S("admission", Admission).ToString(); }
    }

    public sealed class EnterGameRs : IProtoMessage
    {
        public ReturnCode ReturnCode;
        public string Ip = "";
        public int Port;
        public string Token = "";
        public string RoomId = "";
        public void WriteTo(ProtoWriter w) { w.Int32(1, (int)ReturnCode); w.String(2, Ip); w.Int32(3, Port); w.String(4, Token); w.String(5, RoomId); }
        public void MergeFrom(ProtoReader r)
        {
            for (int f; (f = r.ReadTag()) != 0;)
            {
                if (f == 1) ReturnCode = (ReturnCode)r.ReadInt32();
                else if (f == 2) Ip = r.ReadString();
                else if (f == 3) Port = r.ReadInt32();
                else if (f == 4) Token = r.ReadString();
                else if (f == 5) RoomId = r.ReadString();
                else r.Skip();
            }
        }
        public override string ToString() { return new JsonDump().I("return_code", (int)ReturnCode).S("ip", Ip).I("port", Port).S("token", Token).S("room_id", RoomId).ToString(); }
    }

    public sealed class LoginByToken : IProtoMessage
    {
        public string Account = "";
        public string Token = "";
        public void WriteTo(ProtoWriter w) { w.String(1, Account); w.String(2, Token); }
        public void MergeFrom(ProtoReader r)
        {
            for (int f; (f = r.ReadTag()) != 0;)
            {
                if (f == 1) Account = r.ReadString();
                else if (f == 2) Token = r.ReadString();
                else r.Skip();
            }
        }
        public override string ToString() { return new JsonDump().S("account", Account).S("token", Token).ToString(); }
    }

    public sealed class LoginByTokenRs : IProtoMessage
    {
        public ReturnCode ReturnCode;
        public string PlayerId = "";
        public string ResumeToken = "";
        public string RoomId = "";
        public void WriteTo(ProtoWriter w) { w.Int32(1, (int)ReturnCode); w.String(2, PlayerId); w.String(3, ResumeToken); w.String(4, RoomId); }
        public void MergeFrom(ProtoReader r)
        {
            for (int f; (f = r.ReadTag()) != 0;)
            {
                if (f == 1) ReturnCode = (ReturnCode)r.ReadInt32();
                else if (f == 2) PlayerId = r.ReadString();
                else if (f == 3) ResumeToken = r.ReadString();
                else if (f == 4) RoomId = r.ReadString();
                else r.Skip();
            }
        }
        public override string ToString() { return new JsonDump().I("return_code", (int)ReturnCode).S("player_id", PlayerId).S("resume_token", ResumeToken).S("room_id", RoomId).ToString(); }
    }

    public sealed class Resume : IProtoMessage
    {
        public string Account = "";
        public string ResumeToken = "";
        public void WriteTo(ProtoWriter w) { w.String(1, Account); w.String(2, ResumeToken); }
        public void MergeFrom(ProtoReader r)
        {
            for (int f; (f = r.ReadTag()) != 0;)
            {
                if (f == 1) Account = r.ReadString();
                else if (f == 2) ResumeToken = r.ReadString();
                else r.Skip();
            }
        }
        public override string ToString() { return new JsonDump().S("account", Account).S("resume_token", ResumeToken).ToString(); }
    }

    public sealed class ResumeRs : IProtoMessage
    {
        public ReturnCode ReturnCode;
        public string ResumeToken = "";
        public void WriteTo(ProtoWriter w) { w.Int32(1, (int)ReturnCode); w.String(2, ResumeToken); }
        public void MergeFrom(ProtoReader r)
        {
            for (int f; (f = r.ReadTag()) != 0;)
            {
                if (f == 1) ReturnCode = (ReturnCode)r.ReadInt32();
                else if (f == 2) ResumeToken = r.ReadString();
                else r.Skip();
            }
        }
        public override string ToString() { return new JsonDump().I("return_code", (int)ReturnCode).S("resume_token", ResumeToken).ToString(); }
    }

    public sealed class Leave : IProtoMessage
    {
        public void WriteTo(ProtoWriter w) { }
        public void MergeFrom(ProtoReader r) { while (r.ReadTag() != 0) r.Skip(); }
        public override string ToString() { return "{}"; }
    }

    /// <summary>The built-in echo module's message (C2G_Echo out, G2C_Echo back).</summary>
    public sealed class Echo : IProtoMessage
    {
        public byte[] Payload = new byte[0];
        public long ClientTimeMs;
        public void WriteTo(ProtoWriter w) { w.Bytes(1, Payload); w.Int64(2, ClientTimeMs); }
        public void MergeFrom(ProtoReader r)
        {
            for (int f; (f = r.ReadTag()) != 0;)
            {
                if (f == 1) Payload = r.ReadBytes();
                else if (f == 2) ClientTimeMs = r.ReadInt64();
                else r.Skip();
            }
        }
        public override string ToString() { return new JsonDump().Hex("payload", Payload).L("client_time_ms", ClientTimeMs).ToString(); }
    }
}
