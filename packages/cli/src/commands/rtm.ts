import { ConnectionClosedError, type PushFrame, type RTMEvents, rtmHooks } from '@lc/core';
import { connectionFrom, tokenGetterFor } from '../connection.js';
import { parseCommand } from '../args.js';
import { UsageError } from '../errors.js';
import type { GlobalFlags } from '../globals.js';
import { printLine, writeErr, writeOut } from '../output.js';
import { untilStopped } from '../stop.js';
import { verboseHooks } from '../verbose.js';

const HELP = `Usage: lc rtm agent|customer [--push <name> …]

Logs in over the RTM API and prints every push as one JSON line ({"action","payload"}) until
Ctrl+C. --push (repeatable) keeps only those pushes; for an agent it is also the login's push list.
Connection changes (reconnecting, reconnected, disconnected) are reported on stderr.
`;

/** `lc rtm agent|customer`: streams pushes as NDJSON until Ctrl+C, then closes the client and exits 0. */
export async function run(args: string[], flags: GlobalFlags): Promise<void> {
  const { values, positionals } = parseCommand(
    {
      args,
      options: { push: { type: 'string', multiple: true } },
      allowPositionals: true,
    },
    'lc rtm --help',
  );
  if (flags.help) return writeOut(HELP);
  const [api, ...extra] = positionals;
  if ((api !== 'agent' && api !== 'customer') || extra.length > 0)
    throw new UsageError('lc rtm needs `agent` or `customer`', 'lc rtm --help');
  const pushes = values.push ?? [];
  const connection = connectionFrom(flags);
  const version = connection.apiVersion ?? '3.6';
  const getToken = await tokenGetterFor(api, connection, { bearerOnly: true });
  const { default: WebSocket } = await import('ws');
  const options: Record<string, unknown> = { apiVersion: version };
  if (connection.wsUrl) options.apiUrl = connection.wsUrl;
  if (flags.verbose) options.hooks = rtmHooks(verboseHooks());
  const rtm: PushStream =
    api === 'agent'
      ? new (await import('@lc/agent')).AgentRTM(WebSocket, getToken, options)
      : new (await import('@lc/customer')).CustomerRTM(WebSocket, getToken, options);
  const wanted = new Set(pushes);
  rtm.onAny((frame: PushFrame) => {
    if (wanted.size === 0 || wanted.has(frame.action)) printLine({ action: frame.action, payload: frame.payload });
  });
  rtm.onEvent('reconnecting', ({ attempt, delay }) =>
    writeErr(`lc rtm: connection lost; reconnecting (attempt ${attempt}, in ${delay} ms)\n`),
  );
  rtm.onEvent('ready', ({ reconnected }) => {
    if (reconnected) writeErr('lc rtm: reconnected and logged in again\n');
  });
  rtm.onEvent('disconnected', ({ reason }) => writeErr(`lc rtm: disconnected by the platform: ${reason}\n`));
  const stopped = untilStopped();
  const closed = new Promise<void>((resolve) => rtm.onEvent('state', ({ to }) => to === 'closed' && resolve()));
  try {
    const login = api === 'agent' && pushes.length > 0 ? { pushes: { [version]: pushes } } : {};
    const loggedIn = rtm.login(login).then(() => 'ready' as const);
    // Ctrl+C while logging in: the close below rejects the login, which nobody waits for any more.
    loggedIn.catch(() => undefined);
    if ((await Promise.race([loggedIn, stopped])) !== 'ready') return;
    writeErr(`lc rtm: logged in as ${api}; streaming pushes (Ctrl+C stops)\n`);
    const end = await Promise.race([stopped, closed.then(() => 'closed' as const)]);
    if (end === 'closed') throw new ConnectionClosedError('the RTM connection closed for good');
  } finally {
    await rtm.close();
  }
}

/** What `lc rtm` uses of `AgentRTM` and `CustomerRTM`. */
interface PushStream {
  login(payload: object): Promise<unknown>;
  onAny(handler: (frame: PushFrame) => void): () => void;
  onEvent<K extends keyof RTMEvents>(event: K, handler: (payload: RTMEvents[K]) => void): () => void;
  close(): Promise<void>;
}
