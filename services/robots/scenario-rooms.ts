/**
 * `gamecluster robots --scenario rooms --party N`: the robots form parties of N in start order (robots 0..N-1 are
 * party 0, …; the last party may be smaller). A party's first robot (its host) creates a private room of `--mode`
 * for N players; the others wait for its id (not timed: a friend is told the code), then join it by id through the
 * whole flow (`/login?room=<id>` → `EnterGame{join}` → the game pod). A joiner that comes online in another room or
 * on another pod than its host fails (`game_login`, `wrong_room`); a party whose host got no room fails its joiners
 * (`enter_game`, `no_host_room`). The board counts the parties whose every robot landed with its host (the report's
 * `parties_together`, which must be all) and times each host's create and each joiner's join (the whole connect,
 * /login to the game's LoginByTokenRs).
 */
import type { RoomOption, Session } from '../client/index.js';
import { StepError, type WaveStats } from './stats.js';

interface HostRoom {
  roomId: string;
  gameAddress: string;
}

class Party {
  arrived = 0;
  host: Promise<HostRoom>;
  resolveHost!: (h: HostRoom) => void;
  rejectHost!: (e: StepError) => void;
  constructor(readonly size: number) {
    this.host = new Promise((res, rej) => ((this.resolveHost = res), (this.rejectHost = rej)));
    this.host.catch(() => {}); // a party of one host only, or joiners that never asked, must not leave it unhandled
  }
}

/** One robot's place in its party: what to ask for, and what to check once it is in. */
export interface PartySeat {
  readonly host: boolean;
  /** The room to ask for (a joiner waits here for its host's room id). */
  room(): Promise<RoomOption>;
  /** The robot is online after `connectMs` (the whole connect): checks it landed with its host, counts the party. */
  landed(s: Session<any, any>, connectMs: number): void;
  /** The robot did not get in: a host's joiners will not either. */
  failed(err: StepError): void;
}

export class PartyBoard {
  private readonly parties: Party[] = [];

  constructor(
    players: number,
    readonly partySize: number,
    readonly mode: string,
    private readonly stats: WaveStats,
  ) {
    for (let first = 0; first < players; first += partySize) this.parties.push(new Party(Math.min(partySize, players - first)));
    stats.parties = this.parties.length;
    stats.partySize = partySize;
    stats.roomMode = mode;
  }

  /** The seat of robot `n` (0-based start order). */
  seat(n: number): PartySeat {
    const party = this.parties[Math.floor(n / this.partySize)]!;
    const host = n % this.partySize === 0;
    const stats = this.stats;
    const arrive = () => {
      if (++party.arrived === party.size) stats.partiesTogether++;
    };
    if (host) {
      return {
        host,
        // The room is sized for the whole configured party, so a joiner beyond it meets ROOM_FULL.
        room: async () => ({ create: { mode: this.mode, maxPlayers: this.partySize, isPrivate: true } }),
        landed: (s, ms) => {
          if (!s.room) {
            const e = new StepError('enter_game', 'no_room', `enter_game: the host was let in without a room (the servers do not know rooms?)`);
            party.rejectHost(new StepError('enter_game', 'no_host_room', `enter_game: the party's host got no room (${e.message})`));
            throw e;
          }
          stats.recordRoomStep('create', ms);
          party.resolveHost({ roomId: s.room.id, gameAddress: s.gameAddress });
          arrive();
        },
        failed: (err) => party.rejectHost(new StepError('enter_game', 'no_host_room', `enter_game: the party's host got no room (${err.step} ${err.reason})`)),
      };
    }
    let hostRoom: HostRoom | undefined;
    return {
      host,
      room: async () => {
        hostRoom = await party.host;
        return { join: hostRoom.roomId };
      },
      landed: (s, ms) => {
        stats.recordRoomStep('join', ms);
        const h = hostRoom!;
        if (s.room?.id !== h.roomId || s.gameAddress !== h.gameAddress) {
          throw new StepError('game_login', 'wrong_room', `game_login: joined ${s.room?.id ?? 'no room'} on ${s.gameAddress}, its host is in ${h.roomId} on ${h.gameAddress}`);
        }
        arrive();
      },
      failed: () => {},
    };
  }
}
