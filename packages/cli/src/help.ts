import { apis } from './generated/apis.js';

/** `lc --help`: needs no action table, so it starts as fast as node does. */
export function mainHelp(): string {
  const apiLines = Object.entries(apis).map(
    ([name, { title, versions }]) =>
      `  lc ${name.padEnd(14)} <action> [payload]   ${title} (${Object.keys(versions).join(', ')})`,
  );
  return `lc: the LiveChat Platform APIs from a terminal

Usage:
${apiLines.join('\n')}
  lc rtm agent|customer [--push <name> …]   stream RTM pushes as NDJSON until Ctrl+C
  lc webhooks listen --port <n> [--secret <s>] [--forward-to <url>]
                                           receive, verify and print webhooks
  lc simulator [--port <n>]                run the local platform simulator
  lc login [--account-id <id>]             store a Personal Access Token (read from stdin)
  lc logout                                remove the stored token
  lc completion bash|zsh|fish              print a shell completion script

  lc <api> --help                          the actions of an API
  lc <api> <action> --help                 the fields of an action, which are required, its docs

Payload: a JSON argument, \`-\` for JSON on stdin, and/or --field value / --a.b value flags.

Options:
  --api-url <url>       another host, e.g. the simulator's (env LC_API_URL)
  --api-version <v>     the API version, e.g. 3.7 (env LC_API_VERSION; default 3.6)
  --paginate            follow next_page_id and print each page as one JSON line
  --timeout <ms>        per-request timeout
  -v, --verbose         one line per request on stderr
  --debug               stack traces with errors
  -h, --help            this help

Auth (first match wins): LC_CUSTOMER_TOKEN (customer API), LC_TOKEN + LC_ORGANIZATION_ID (Bearer),
LC_ACCOUNT_ID + LC_PAT (Personal Access Token), the token stored by \`lc login\`. LC_REGION sets the region.

Exit codes: 0 ok, 1 API error, 2 usage, 3 network or timeout, 4 authentication, 130 interrupted.
`;
}
