/**
 * party — the smallest room game of gamecluster (README.md beside it). One friend creates a private room of mode
 * `party` and shares its id; the others join it by id, from any login, and the platform routes them all to the game
 * pod that holds it. The first player is the host (the next one takes over when he leaves); everyone sees the lobby
 * (`Lobby`) whenever it changes and the room's chat (`Said`); the host's `Start` locks the room, so nobody else can
 * join. A player who comes without a room is sent away: this game is only played in rooms.
 */
import { defineGame, type Room } from 'gamecluster/game';
import { messages, PARTY_MAX_CHAT, PARTY_MAX_PLAYERS, PARTY_MODE } from './messages.js';

interface PartyRoom {
  host: string;
  started: boolean;
}

function lobby(room: Room<object, PartyRoom>): void {
  room.broadcast('Lobby', { room: room.id, host: room.data.host, players: [...room.players.keys()], maxPlayers: room.maxPlayers, started: room.data.started });
}

export default defineGame<object, PartyRoom>({
  name: 'party',
  proto: new URL('./party.proto', import.meta.url),
  messages,
  // Empty rooms wait a minute for the friends who are still connecting (ROOM_EMPTY_MS otherwise).
  rooms: { modes: { [PARTY_MODE]: { maxPlayers: PARTY_MAX_PLAYERS, emptyTimeoutMs: 60_000 } } },

  onRoomCreate(room) {
    room.data = { host: '', started: false };
  },

  onJoin(p) {
    const room = p.room;
    if (!room) return p.kick('party is played in rooms: connect with room create or join');
    if (!room.data.host) room.data.host = p.account;
    lobby(room);
  },

  onMessage(p, msg) {
    const room = p.room;
    if (!room) return;
    if (msg.name === 'Chat') room.broadcast('Said', { account: p.account, text: String(msg.body.text ?? '').slice(0, PARTY_MAX_CHAT) });
    else if (msg.name === 'Start' && p.account === room.data.host && !room.data.started) {
      room.data.started = true;
      room.lock();
      lobby(room);
    }
  },

  onLeave(p) {
    // He is no longer among the room's players; the others see the new lobby (and the new host, if he was it).
    const room = p.room;
    if (!room || room.ended) return;
    if (room.data.host === p.account) room.data.host = room.players.keys().next().value ?? '';
    lobby(room);
  },
});
