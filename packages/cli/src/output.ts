/**
 * Everything `lc` prints goes through here: the secrets it was given (PAT, tokens, webhook secret)
 * are replaced by `[redacted]` in every line, whatever printed it (a result, an error, --verbose).
 */

const secrets = new Set<string>();

/** Registers a value that must never be printed (also its base64 forms are registered by the caller). */
export function addSecret(value: string | undefined): void {
  if (value && value.length >= 4) secrets.add(value);
}

// Not @lc/core's `redact`: importing core here would load it for `lc --help`, which loads no client.
export function redact(text: string): string {
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join('[redacted]');
  return out;
}

export function writeOut(text: string): void {
  process.stdout.write(redact(text));
}

export function writeErr(text: string): void {
  process.stderr.write(redact(text));
}

/** Colours only on a terminal, and never with `NO_COLOR` set (https://no-color.org). */
export function useColor(stream: NodeJS.WriteStream): boolean {
  return !process.env.NO_COLOR && Boolean(stream.isTTY);
}

const COLORS = { key: 36, string: 32, number: 33, literal: 35 } as const;
const paint = (code: number, text: string) => `\u001b[${code}m${text}\u001b[39m`;

/** JSON text of a value: pretty (and coloured on a terminal) when stdout is a terminal, one compact line otherwise. */
export function formatJson(
  value: unknown,
  pretty = Boolean(process.stdout.isTTY),
  color = pretty && useColor(process.stdout),
): string {
  const text = JSON.stringify(value === undefined ? null : value, null, pretty ? 2 : undefined);
  if (!color) return text;
  return text.replace(
    /("(?:\\.|[^"\\])*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g,
    (match, str: string | undefined, colon: string | undefined, literal: string | undefined) => {
      if (str) return colon ? `${paint(COLORS.key, str)}${colon}` : paint(COLORS.string, str);
      return paint(literal ? COLORS.literal : COLORS.number, match);
    },
  );
}

/** Prints one JSON result (pretty on a terminal, compact when piped). */
export function printJson(value: unknown): void {
  writeOut(`${formatJson(value)}\n`);
}

/** Prints one NDJSON line (always compact: one value a line, for `jq` and friends). */
export function printLine(value: unknown): void {
  writeOut(`${JSON.stringify(value)}\n`);
}
