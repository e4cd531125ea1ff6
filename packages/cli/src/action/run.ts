import type { RequestOptions } from '@lc/core';
import { connectionFrom, tokenGetterFor } from '../connection.js';
import { UsageError } from '../errors.js';
import { apis } from '../generated/apis.js';
import type { GlobalFlags } from '../globals.js';
import { printJson, printLine, writeOut } from '../output.js';
import type { ActionTable } from '../table.js';
import { verboseHooks } from '../verbose.js';
import { clientFor } from './clients.js';
import { actionHelp, apiHelp } from './help.js';
import { buildPayload } from './payload.js';

/** The table of `api` at the version asked for (only that one file is loaded). */
export async function tableOf(api: string, version: string | undefined): Promise<ActionTable> {
  const entry = apis[api]!;
  const chosen = version ?? entry.defaultVersion;
  const load = entry.versions[chosen];
  if (!load) {
    const known = Object.keys(entry.versions).join(', ');
    throw new UsageError(`${api} has no API version ${chosen} (known: ${known})`, `lc ${api} --help`);
  }
  return (await load()) as ActionTable;
}

/** `lc <api> [<action>] …`: help, or one call (or every page) printed as JSON. */
export async function runAction(api: string, args: string[], flags: GlobalFlags, signal: AbortSignal): Promise<void> {
  const connection = connectionFrom(flags);
  const table = await tableOf(api, connection.apiVersion);
  const [name, ...rest] = args;
  if (name === undefined) {
    if (!flags.help) throw new UsageError(`which ${api} action?`, `lc ${api} --help`);
    return writeOut(apiHelp(apis[api]!.title, table));
  }
  const action = Object.hasOwn(table.actions, name) ? table.actions[name]! : undefined;
  if (!action) throw new UsageError(`${api} has no action "${name}" in API ${table.version}`, `lc ${api} --help`);
  const help = `lc ${api} ${name} --help`;
  if (flags.help) return writeOut(actionHelp(table, name, action));
  if (!action.transports.includes('web'))
    throw new UsageError(`${name} is an RTM-only action; \`lc rtm ${api}\` streams RTM pushes`, help);
  if (flags.paginate && !action.paginated) throw new UsageError(`${name} does not page (no next_page_id)`, help);
  const payload = await buildPayload(action, rest, help);
  const getToken = await tokenGetterFor(api, connection);
  const client = await clientFor(api, getToken, {
    apiUrl: connection.apiUrl,
    apiVersion: table.version,
    timeout: flags.timeout,
    hooks: flags.verbose ? verboseHooks() : undefined,
  });
  const options: RequestOptions = { signal };
  if (!flags.paginate) return printJson(await client.call(name, action, payload, options));
  for await (const page of client.pages(name, payload, options)) printLine(page);
}
