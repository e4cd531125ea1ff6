/**
 * Regions. A request in the wrong data center is refused with the region to use: over Web as the
 * `misdirected_request` error, over RTM as the `misdirected_connection` disconnect push, each with
 * `data: { region }`. A client follows that answer once, and then keeps the region for its later
 * calls and reconnects. The region travels the same way for every request: as the `X-Region`
 * header over Web, as `region=` in the query of the RTM URL; the host stays the same.
 */

/** The region named in a `misdirected_*` answer's `data`, when it is a region name (`dal`, `fra`, ...). */
export function regionFrom(data: unknown): string | undefined {
  const region = (data as { region?: unknown } | null | undefined)?.region;
  // Network input: only a plain name may reach a header or a URL.
  return typeof region === 'string' && /^[a-z][a-z\d-]{0,19}$/.test(region) ? region : undefined;
}
