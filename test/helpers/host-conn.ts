/**
 * A stand-in for the connection a GameHost is handed (the host reads its keys and state, authenticates and ends it;
 * it never touches a socket): the module host's unit tests drive the host with these.
 */
let seq = 0;

export function hostConn(account?: string) {
  const c = {
    socketKey: `tcp:${++seq}`,
    objectKey: account as string | undefined,
    state: account ? 'online' : 'authenticating',
    endReason: undefined as string | undefined,
    ended: false,
    authenticate(k: string) {
      c.objectKey = k;
      c.state = 'online';
    },
    end() {
      c.ended = true;
    },
  };
  return c;
}
