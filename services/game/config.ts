/**
 * The game pod's configuration: exactly the pod variables (services/pod/pod-config.ts) with PORT default 6001.
 * Pure parsing; main.ts exits 2 on a bad variable.
 */
import { z } from 'zod';
import { loadConfig } from '../platform/config.js';
import { podEnv, podEnvHelp } from '../pod/pod-config.js';

export const GAME_DEFAULT_PORT = 6001;
export const gameEnv = podEnv(GAME_DEFAULT_PORT);
export type GameConfig = z.output<z.ZodObject<typeof gameEnv>>;

/** Throws ConfigError (one line naming the variable) on a bad value. */
export function parseGameConfig(source: NodeJS.ProcessEnv = process.env): GameConfig {
  return loadConfig(gameEnv, source);
}

export const gameEnvHelp = `Environment (defaults in brackets):
${podEnvHelp(GAME_DEFAULT_PORT)}`;
