/**
 * The registry's public surface: the interfaces (types.ts) and their Redis implementations. Services import from
 * here so the file layout inside the folder can change freely.
 */
export * from './types.js';
export { registryKeys, type RegistryKeys } from './keys.js';
export { createRedisClient, waitReady, closeRedis, redisOptionsFrom, type RedisClientOptions } from './redis-client.js';
export { RedisHeartbeatWriter, type RedisHeartbeatWriterOptions } from './redis-heartbeat.js';
export { RedisAppSelector, type RedisAppSelectorOptions, type SelectStrategy } from './redis-selector.js';
export { RedisTokenStore, type RedisTokenStoreOptions } from './redis-tokens.js';
export { RedisSessionRegistry, type RedisSessionRegistryOptions } from './redis-sessions.js';
export { RedisAppDirectory, type RedisAppDirectoryOptions } from './redis-directory.js';
export { RedisRoomAllocator, type RedisRoomAllocatorOptions } from './redis-rooms.js';
export { RedisGameRoomRegistry, type RedisGameRoomRegistryOptions } from './redis-game-rooms.js';
export { newRoomId, normalizeRoomId, roomSpecProblem, ROOM_ID_ALPHABET } from './room-id.js';
