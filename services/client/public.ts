/** The types and helpers both SDK entries export (everything but `connect`, which each entry builds on its platform). */
export type { AwayEvent, CloseEvent, ConnectListeners, ConnectOptions, EchoBody, Incoming, KickEvent, Outgoing, PlatformEvents, QueueUpdate, ResumedEvent, Session, TimingEvent, TimingStep } from './session.js';
export type { MessageDecl, MessagesTable } from './game-messages.js';
export type { RoomCreateOptions, RoomFindOptions, RoomOption, SeatOption, SessionRoom } from './rooms.js';
export { ROOM_ERROR_CODES, isRoomError } from './rooms.js';
export type { NodeTlsOptions } from './io.js';
export { ClientError, kickReasonName, type ClientStep } from './errors.js';
export { encodeFrame, FrameError, FrameReader, readWholeFrames } from './codec.js';
export { MsgId, ReturnCode, KickReason } from '../protocol/wire.js';
