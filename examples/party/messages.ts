/**
 * The party message table and its room mode, shared by the module (party.ts) and clients (Node or browser): no
 * imports, so any bundler takes it as is.
 */
export const messages = {
  10001: { name: 'Chat', from: 'client', type: 'party.v1.Chat' },
  10002: { name: 'Start', from: 'client', type: 'party.v1.Start' },
  10003: { name: 'Said', from: 'server', type: 'party.v1.Said' },
  10004: { name: 'Lobby', from: 'server', type: 'party.v1.Lobby' },
} as const;

/** The room mode the module declares: a host creates `{ mode: PARTY_MODE, isPrivate: true }`, friends join by id. */
export const PARTY_MODE = 'party';
/** The largest party. */
export const PARTY_MAX_PLAYERS = 8;
/** The longest chat line kept. */
export const PARTY_MAX_CHAT = 200;
