// The game's own messages (ids 10000–65535, game-module.md): the table says which C# type travels under which id and
// in which direction, and how its bytes are made — a serializer per type, so a studio plugs in the classes
// Google.Protobuf generates from its .proto (`m => m.ToByteArray()`, `State.Parser.ParseFrom`) or anything else,
// without this package depending on it. Sending is by type; receiving dispatches by id to the type's handlers.
// The built-in echo module's Echo is in every table (C2G_Echo out, G2C_Echo in).
using System;
using System.Collections.Generic;

namespace GameCluster.Client
{
    public interface IMessageSerializer<T>
    {
        byte[] Serialize(T message);
        T Deserialize(byte[] data);
    }

    /// <summary>The serializer of a message written with this package's ProtoWriter/ProtoReader.</summary>
    public sealed class ProtoMessageSerializer<T> : IMessageSerializer<T> where T : IProtoMessage, new()
    {
        public static readonly ProtoMessageSerializer<T> Instance = new ProtoMessageSerializer<T>();
        public byte[] Serialize(T message) { return Proto.Encode(message); }
        public T Deserialize(byte[] data) { return Proto.Parse<T>(data); }
    }

    /// <summary>A table rejected when it is built: an id out of range, declared twice, or a type sent under two ids.</summary>
    public sealed class MessagesException : Exception
    {
        public MessagesException(string message) : base(message) { }
    }

    public sealed class MessageTable
    {
        internal sealed class Entry
        {
            public ushort Id;
            public Type Type;
            public Func<object, byte[]> Serialize;
            public Func<byte[], object> Deserialize;
        }

        readonly Dictionary<Type, Entry> outgoing = new Dictionary<Type, Entry>();
        readonly Dictionary<ushort, Entry> incoming = new Dictionary<ushort, Entry>();
        readonly HashSet<ushort> ids = new HashSet<ushort>();

        public MessageTable()
        {
            outgoing[typeof(Echo)] = new Entry { Id = MsgId.C2G_Echo, Type = typeof(Echo), Serialize = m => Proto.Encode((Echo)m) };
            incoming[MsgId.G2C_Echo] = new Entry { Id = MsgId.G2C_Echo, Type = typeof(Echo), Deserialize = b => Proto.Parse<Echo>(b) };
        }

        void Claim(ushort id, Type t)
        {
            if (id < MsgId.GameMin) throw new MessagesException("message id " + id + " (" + t.Name + ") is outside " + MsgId.GameMin + "–" + MsgId.GameMax);
            if (!ids.Add(id)) throw new MessagesException("message id " + id + " (" + t.Name + ") is declared twice");
        }

        /// <summary>A client → server message: `T` is sent under `id`.</summary>
        public MessageTable Client<T>(ushort id, Func<T, byte[]> serialize)
        {
            if (serialize == null) throw new ArgumentNullException("serialize");
            if (outgoing.ContainsKey(typeof(T))) throw new MessagesException("type " + typeof(T).Name + " is already sent under id " + outgoing[typeof(T)].Id);
            Claim(id, typeof(T));
            outgoing[typeof(T)] = new Entry { Id = id, Type = typeof(T), Serialize = m => serialize((T)m) };
            return this;
        }

        /// <summary>A server → client message: frames with `id` are decoded into `T`.</summary>
        public MessageTable Server<T>(ushort id, Func<byte[], T> deserialize)
        {
            if (deserialize == null) throw new ArgumentNullException("deserialize");
            Claim(id, typeof(T));
            incoming[id] = new Entry { Id = id, Type = typeof(T), Deserialize = b => deserialize(b) };
            return this;
        }

        public MessageTable Client<T>(ushort id, IMessageSerializer<T> s) { return Client<T>(id, s.Serialize); }
        public MessageTable Server<T>(ushort id, IMessageSerializer<T> s) { return Server<T>(id, s.Deserialize); }

        internal Entry Outgoing(Type t)
        {
            Entry e;
            return outgoing.TryGetValue(t, out e) ? e : null;
        }

        internal Entry Incoming(ushort id)
        {
            Entry e;
            return incoming.TryGetValue(id, out e) ? e : null;
        }
    }
}
