/**
 * Credential redaction for anything printed: config errors, the logged effective config, Redis up/down lines. The
 * rule is a regular expression over the text, not URL parsing, so it also covers values `new URL()` refuses
 * (multi-host Sentinel URLs, malformed input) and URLs embedded in longer text: the password part of any
 * `scheme://user:password@` (or the whole `scheme://secret@` user part) and the value of any query parameter whose
 * name says secret (`password`, `token`, `secret`, `key`, `auth`, `sig`, …) become `***`.
 */

/** `scheme://` + userinfo up to the last `@` before whitespace/quotes (greedy: a raw `@` inside a password is covered). */
const USERINFO = /([A-Za-z][A-Za-z0-9+.-]*:\/\/)([^\s"'<>`]*)@/g;
/** `user:password@host` without a scheme (e.g. a sentinel list entry): the password part. */
const BARE_USERINFO = /(^|[\s,;"'=(])([^\s:@/"',;]*):([^\s@/"',;]+)@/g;
/** `?name=value` / `&name=value` where the name looks like a credential. */
const SECRET_PARAM = /([?&;][^=&\s"'#]*(?:pass|pwd|token|secret|key|auth|sig|credential|session)[^=&\s"'#]*=)[^&\s"'#]*/gi;

export const REDACTED = '***';

/** Hides URL credentials anywhere in `text` (redis://:secret@host → redis://:***@host). */
export function redactUrl(text: string): string {
  return text
    .replace(USERINFO, (_all, scheme: string, info: string) => {
      const i = info.indexOf(':');
      return `${scheme}${i >= 0 ? `${info.slice(0, i)}:${REDACTED}` : REDACTED}@`;
    })
    .replace(BARE_USERINFO, `$1$2:${REDACTED}@`)
    .replace(SECRET_PARAM, `$1${REDACTED}`);
}

/** A variable that may hold a secret: URLs (credentials inside) and tokens/passwords (the whole value). */
export function isSecretVariable(name: string): boolean {
  return /URL|SENTINELS|PASSWORD|SECRET|TOKEN|KEY/.test(name) && !/_MS$/.test(name);
}

/** The printable form of variable `name`'s value: whole-value secrets hidden, URL credentials hidden. */
export function redactValue(name: string, value: string): string {
  if (!isSecretVariable(name)) return value;
  if (/PASSWORD|SECRET|TOKEN|KEY/.test(name) && !/URL/.test(name)) return REDACTED;
  // A host list holds no credentials; any `…@` prefix of an entry is one, with or without a colon.
  if (/SENTINELS/.test(name)) return redactUrl(value).replace(/(^|,)\s*[^,@/\s]*@/g, `$1${REDACTED}@`);
  return redactUrl(value);
}
