// The arena sample game's messages (examples/arena/arena.proto in the gamecluster repository), written by hand with
// the package's ProtoWriter/ProtoReader. A game with many messages would rather generate them with protoc
// (--csharp_out) and plug Google.Protobuf in the same way:
//   table.Client<Move>(10001, m => m.ToByteArray()).Server<State>(10002, State.Parser.ParseFrom)
using System.Collections.Generic;
using GameCluster.Client;

namespace GameCluster.Samples.Arena
{
    public static class ArenaIds
    {
        public const ushort Move = 10001;
        public const ushort State = 10002;
        public const ushort Joined = 10003;

        /// <summary>The arena's message table: Move out; State and Joined in.</summary>
        public static MessageTable Table()
        {
            return new MessageTable()
                .Client(Move, ProtoMessageSerializer<Move>.Instance)
                .Server(State, ProtoMessageSerializer<State>.Instance)
                .Server(Joined, ProtoMessageSerializer<Joined>.Instance);
        }
    }

    /// <summary>client → server: one step (each axis clamped to ±max_step by the server).</summary>
    public sealed class Move : IProtoMessage
    {
        public int Dx, Dy;
        public void WriteTo(ProtoWriter w) { w.SInt32(1, Dx); w.SInt32(2, Dy); }
        public void MergeFrom(ProtoReader r)
        {
            for (int f; (f = r.ReadTag()) != 0;)
            {
                if (f == 1) Dx = r.ReadSInt32();
                else if (f == 2) Dy = r.ReadSInt32();
                else r.Skip();
            }
        }
    }

    /// <summary>server → client, after login and again after a resume: where you are.</summary>
    public sealed class Joined : IProtoMessage
    {
        public string Room = "", Account = "";
        public int X, Y, Width, Height, TickHz, MaxStep;
        public void WriteTo(ProtoWriter w)
        {
            w.String(1, Room); w.String(2, Account); w.Int32(3, X); w.Int32(4, Y);
            w.Int32(5, Width); w.Int32(6, Height); w.Int32(7, TickHz); w.Int32(8, MaxStep);
        }
        public void MergeFrom(ProtoReader r)
        {
            for (int f; (f = r.ReadTag()) != 0;)
            {
                switch (f)
                {
                    case 1: Room = r.ReadString(); break;
                    case 2: Account = r.ReadString(); break;
                    case 3: X = r.ReadInt32(); break;
                    case 4: Y = r.ReadInt32(); break;
                    case 5: Width = r.ReadInt32(); break;
                    case 6: Height = r.ReadInt32(); break;
                    case 7: TickHz = r.ReadInt32(); break;
                    case 8: MaxStep = r.ReadInt32(); break;
                    default: r.Skip(); break;
                }
            }
        }
    }

    public sealed class PlayerPos : IProtoMessage
    {
        public string Account = "";
        public int X, Y;
        public bool Away;
        public void WriteTo(ProtoWriter w) { w.String(1, Account); w.Int32(2, X); w.Int32(3, Y); w.Bool(4, Away); }
        public void MergeFrom(ProtoReader r)
        {
            for (int f; (f = r.ReadTag()) != 0;)
            {
                switch (f)
                {
                    case 1: Account = r.ReadString(); break;
                    case 2: X = r.ReadInt32(); break;
                    case 3: Y = r.ReadInt32(); break;
                    case 4: Away = r.ReadBool(); break;
                    default: r.Skip(); break;
                }
            }
        }
    }

    /// <summary>server → every member of a room, every tick: the whole room.</summary>
    public sealed class State : IProtoMessage
    {
        public uint Tick;
        public double ServerTimeMs;
        public string Room = "";
        public List<PlayerPos> Players = new List<PlayerPos>();
        public void WriteTo(ProtoWriter w)
        {
            w.UInt32(1, Tick); w.Double(2, ServerTimeMs); w.String(3, Room);
            foreach (var p in Players) w.Message(4, p);
        }
        public void MergeFrom(ProtoReader r)
        {
            for (int f; (f = r.ReadTag()) != 0;)
            {
                switch (f)
                {
                    case 1: Tick = r.ReadUInt32(); break;
                    case 2: ServerTimeMs = r.ReadDouble(); break;
                    case 3: Room = r.ReadString(); break;
                    case 4: Players.Add(r.ReadMessage(new PlayerPos())); break;
                    default: r.Skip(); break;
                }
            }
        }
    }
}
