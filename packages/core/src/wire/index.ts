/**
 * The wire facts of one API, generated from the docs into each API package (`src/generated/wire.ts`,
 * e.g. `CUSTOMER_WIRE`) and handed to the clients, so `@lc/core` knows no action by name.
 */
export interface WireTable {
  /** The URL path of a Web action before its name; `{v}` stands for the API version. */
  readonly path: string;
  /**
   * Every Web request carries `organization_id` in the query string (Customer Chat API): the token's,
   * or for a call without a token the payload's.
   */
  readonly orgQuery?: boolean | undefined;
  /** Actions are `<resource>/<name>` paths (Reports), not bare names. */
  readonly resourcePaths?: boolean | undefined;
  /**
   * Per API version, the actions grouped by their flags: `<flags>[:<fields>] <action> <action>|...`.
   * Flags: `w` Web, `r` RTM, `g` HTTP GET (payload in the query string), `n` no token, `s` safe to
   * re-send (read-only), `u` upload, `p` paginated (`<fields>`: what later pages send with `page_id`).
   */
  readonly versions: Readonly<Record<string, string>>;
}

/** One version's table decoded: action → `[flags, page fields]`. */
export type WireFacts = ReadonlyMap<string, readonly [flags: string, pageFields: string | undefined]>;

/** Calls `visit` with each action of an encoded table (see {@link WireTable.versions}), its flags and page fields. */
export function forEachWireAction(
  encoded: string,
  visit: (action: string, flags: string, pageFields: string | undefined) => void,
): void {
  for (const group of encoded.split('|')) {
    const [head, ...actions] = group.split(' ') as [string, ...string[]];
    const [flags, pageFields] = head.split(':') as [string, string?];
    for (const action of actions) visit(action, flags, pageFields);
  }
}

/** Decodes one version's encoded table (see {@link WireTable.versions}). */
export function decodeWire(encoded: string): WireFacts {
  const facts = new Map<string, readonly [string, string | undefined]>();
  forEachWireAction(encoded, (action, flags, pageFields) => facts.set(action, [flags, pageFields]));
  return facts;
}
