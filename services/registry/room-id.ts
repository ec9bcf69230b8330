/**
 * Room ids (docs/rooms.md): 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), ≈ 40 bits, chosen by
 * the platform at creation; clients may send them in any letter case. Also the validation of a room request's
 * fields, shared by appmgr's gRPC and the login's EnterGame.
 */
import { randomInt } from 'node:crypto';
import type { RoomSpecInput } from './types.js';

export const ROOM_ID_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const ROOM_ID_LENGTH = 8;
const ROOM_ID_RE = new RegExp(`^[${ROOM_ID_ALPHABET}]{${ROOM_ID_LENGTH}}$`);

/** A fresh random room id (the allocation script takes the first of a few candidates that is unused). */
export function newRoomId(): string {
  let s = '';
  for (let i = 0; i < ROOM_ID_LENGTH; i++) s += ROOM_ID_ALPHABET[randomInt(ROOM_ID_ALPHABET.length)];
  return s;
}

/** The canonical id (upper case), or null when `s` cannot be a room id. */
export function normalizeRoomId(s: string): string | null {
  const up = s.toUpperCase();
  return ROOM_ID_RE.test(up) ? up : null;
}

/** Limits of a room spec (docs/rooms.md "The room"). */
export const ROOM_LIMITS = { modeMaxChars: 32, maxPlayers: 1000, labels: 8, labelChars: 64 } as const;
export const MODE_RE = /^[a-z0-9_-]{1,32}$/;

/** Null when the spec is well formed, else what is wrong (the request answers ROOM_INVALID). */
export function roomSpecProblem(spec: RoomSpecInput): string | null {
  if (!MODE_RE.test(spec.mode)) return `mode must be 1-${ROOM_LIMITS.modeMaxChars} chars [a-z0-9_-]`;
  if (!Number.isInteger(spec.maxPlayers) || spec.maxPlayers < 0 || spec.maxPlayers > ROOM_LIMITS.maxPlayers) return `max_players must be 0-${ROOM_LIMITS.maxPlayers}`;
  const entries = Object.entries(spec.labels);
  if (entries.length > ROOM_LIMITS.labels) return `at most ${ROOM_LIMITS.labels} labels`;
  for (const [k, v] of entries) {
    if (k.length === 0 || k.length > ROOM_LIMITS.labelChars || v.length > ROOM_LIMITS.labelChars) return `label keys 1-${ROOM_LIMITS.labelChars} chars, values up to ${ROOM_LIMITS.labelChars}`;
  }
  return null;
}
