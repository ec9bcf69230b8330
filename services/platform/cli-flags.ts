/**
 * Command-line flags read by hand, for the contract's one line per bad flag naming the flag, its value and what is
 * allowed (exit 2), which a generic parser does not phrase that way. Shared by `gamecluster robots` and
 * `gamecluster local`: `--flag value` and `--flag=value`, numbers in a range, one of a few words, switches.
 */
export class ArgError extends Error {
  readonly code = 'ARG_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'ArgError';
  }
}

/** `parse(argv)`; on an ArgError its one line on stderr (`gamecluster <command>: …`) and exit code 2. */
export function flagsOrExit<T>(command: string, parse: (argv: readonly string[]) => T, argv: readonly string[]): T {
  try {
    return parse(argv);
  } catch (err) {
    if (err instanceof ArgError) {
      process.stderr.write(`gamecluster ${command}: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}

/** One flag of argv as `eachFlag` hands it out. */
export interface Flag {
  /** The argument as given (`--players=5`). */
  readonly arg: string;
  /** The flag's name (`--players` of `--players=5` too). */
  readonly name: string;
  /** Its value: the part after `=`, else the next argument (consumed). */
  value(): string | undefined;
  /** A switch: refuses `--flag=value`. */
  noValue(): void;
}

/** Calls `fn` for each flag of `argv` in order. */
export function eachFlag(argv: readonly string[], fn: (f: Flag) => void): void {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    fn({
      arg: a,
      name,
      value: () => (eq > 0 ? a.slice(eq + 1) : argv[++i]),
      noValue: () => {
        if (eq > 0) throw new ArgError(`invalid ${a}: ${name} takes no value`);
      },
    });
  }
}

/** A number from `min` to `max` (above `min` when `minExclusive`), an integer when asked. */
export function numberFlag(flag: string, raw: string | undefined, min: number, max: number, integer: boolean, minExclusive = false): number {
  const what = `${integer ? 'an integer' : 'a number'} ${minExclusive ? `> ${min} and ≤ ${max}` : `from ${min} to ${max}`}`;
  if (raw === undefined) throw new ArgError(`${flag} needs a value: expected ${what}`);
  const v = Number(raw);
  const ok = raw.trim() !== '' && Number.isFinite(v) && (!integer || Number.isInteger(v)) && (minExclusive ? v > min : v >= min) && v <= max;
  if (!ok) throw new ArgError(`invalid ${flag} ${JSON.stringify(raw)}: expected ${what}`);
  return v;
}

/** One of `choices`. */
export function choiceFlag<T extends string>(flag: string, raw: string | undefined, choices: readonly T[]): T {
  const what = `expected ${choices.slice(0, -1).join(', ')}${choices.length > 1 ? ' or ' : ''}${choices.at(-1)}`;
  if (raw === undefined) throw new ArgError(`${flag} needs a value: ${what}`);
  if (!(choices as readonly string[]).includes(raw)) throw new ArgError(`invalid ${flag} ${JSON.stringify(raw)}: ${what}`);
  return raw as T;
}
