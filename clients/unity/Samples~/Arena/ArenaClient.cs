// A scene script for the arena sample game: add it to an empty GameObject, set the appmgr URL and press Play. It
// connects (waiting in the admission queue when the cluster is full), walks around with the arrow keys, shows the
// other players of its room, and comes back by itself after a network drop. Everything the network reports arrives
// in Update(), on the main thread, through session.Update().
using System.Collections.Generic;
using GameCluster.Client;
using UnityEngine;

namespace GameCluster.Samples.Arena
{
    public sealed class ArenaClient : MonoBehaviour
    {
        [SerializeField] string appmgr = "http://127.0.0.1:8080";
        [SerializeField] string account = "unity-player";
        [SerializeField] bool useWebSocket;
        [SerializeField] bool useTls;
        [SerializeField] string joinRoomId = "";

        GameSession session;
        readonly Dictionary<string, Vector2> others = new Dictionary<string, Vector2>();
        Vector2 me;
        string status = "connecting";

        async void Start()
        {
            session = new GameSession(new ConnectOptions
            {
                Appmgr = appmgr,
                Account = account,
                Transport = useWebSocket ? TransportKind.WebSocket : TransportKind.Tcp,
                Tls = useTls,
                Queue = true,
                Room = string.IsNullOrEmpty(joinRoomId) ? null : RoomRequest.ToJoin(joinRoomId),
                Messages = ArenaIds.Table(),
            });
            session.QueueUpdated += q => status = "in line: " + q.Position + (q.EtaS >= 0 ? ", about " + q.EtaS + " s" : "");
            session.Away += e => status = "reconnecting (" + e.Code + ")";
            session.Resumed += r => status = r.Via == "resume" ? "back" : "back (new session)";
            session.Kicked += k => status = "kicked: " + k.Reason;
            session.Closed += c => status = "closed: " + c.Reason + (c.Error != null ? " " + c.Error.Step + "/" + c.Error.Code : "");
            session.On<Joined>(j => { me = new Vector2(j.X, j.Y); status = "playing in " + j.Room; });
            session.On<State>(s =>
            {
                others.Clear();
                foreach (var p in s.Players)
                {
                    if (p.Account == account) me = new Vector2(p.X, p.Y);
                    else others[p.Account] = new Vector2(p.X, p.Y);
                }
            });
            try
            {
                await session.ConnectAsync(); // resumes on the main thread (Unity's synchronization context)
            }
            catch (ClientException e)
            {
                status = "could not connect: " + e.Step + "/" + e.Code;
                Debug.LogWarning(e.Message);
            }
        }

        void Update()
        {
            if (session == null) return;
            session.Update(); // events and messages run here, on the main thread
            var dx = (Input.GetKey(KeyCode.RightArrow) ? 1 : 0) - (Input.GetKey(KeyCode.LeftArrow) ? 1 : 0);
            var dy = (Input.GetKey(KeyCode.UpArrow) ? 1 : 0) - (Input.GetKey(KeyCode.DownArrow) ? 1 : 0);
            if ((dx != 0 || dy != 0) && session.State == SessionState.Online) session.Send(new Move { Dx = dx * 5, Dy = dy * 5 });
        }

        void OnGUI()
        {
            GUI.Label(new Rect(10, 10, 600, 20), status + "  me " + me + "  others " + others.Count);
        }

        void OnDestroy()
        {
            if (session != null) session.Dispose(); // C2G_Leave: the server holds no resume grace for a player who quit
        }
    }
}
