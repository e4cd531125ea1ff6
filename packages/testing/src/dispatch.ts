// The one request pipeline behind both transports: spec lookup, faults, processing delay,
// authorization, required-parameter validation, handler, request log.
import type { IncomingHttpHeaders } from 'node:http';
import { agentHandlers } from './actions/agent.js';
import { configurationHandlers, OWNER_FROM_TOKEN } from './actions/configuration.js';
import { customerHandlers } from './actions/customer.js';
import { reportsHandlers } from './actions/reports.js';
import type { Principal } from './auth.js';
import { API_NAMES, checkPrincipal } from './principal.js';
import type { RequestContext } from './context.js';
import { invalid, SimError } from './errors.js';
import type { Platform, RequestLogEntry } from './platform.js';
import { UploadedFile } from './uploads.js';
import type { Connection } from './rtm/connection.js';
import { type ApiName, lookup, missingRequired, requiredOf, SIMULATED_VERSIONS, type Transport } from './spec.js';
import { METHODS, type MethodSpec } from './spec-data.js';
import { isObject, nestsDeeperThan, ownValue, setOwn, sleep } from './util.js';

export type Handler = (ctx: RequestContext, payload: Record<string, unknown>, p: Platform) => unknown;

export interface HandlerTable {
  handlers: Record<string, Handler>;
  /** Actions that need no `Authorization`. */
  noAuth?: ReadonlySet<string>;
}

const TABLES: Record<ApiName, HandlerTable> = {
  agent: agentHandlers,
  customer: customerHandlers,
  configuration: configurationHandlers,
  reports: reportsHandlers,
};

/**
 * The actions the simulator answers at `version`, per API (`ping` is answered by the RTM server
 * itself). A handler the spec does not know is listed too, so that a test comparing this with the
 * documented list sees it.
 */
export function simulatedActions(version = SIMULATED_VERSIONS[0]!): Record<ApiName, string[]> {
  const out = {} as Record<ApiName, string[]>;
  for (const api of Object.keys(TABLES) as ApiName[]) {
    const actions = Object.keys(TABLES[api].handlers).filter(
      (action) => !Object.hasOwn(METHODS[api], action) || lookup(api, action, version),
    );
    if (api === 'agent' || api === 'customer') actions.push('ping');
    out[api] = actions.sort();
  }
  return out;
}

export interface Incoming {
  api: ApiName;
  transport: Transport;
  version: string;
  action: string;
  payload: unknown;
  /** Web: the `Authorization` header. */
  authorization?: string | undefined;
  /** Customer Web: the `organization_id` query parameter (undefined when absent). */
  organizationId?: string | undefined;
  conn?: Connection | undefined;
  requestId?: string | undefined;
  headers?: IncomingHttpHeaders | undefined;
  /** The client's address (Web: this request's; RTM: the socket's). */
  remoteAddress?: string | undefined;
}

export interface Outcome {
  ok: boolean;
  payload?: unknown;
  error?: SimError;
  /** Run after the response is sent (pushes, webhooks). */
  effects: (() => void)[];
}

/** Deepest payload accepted (the platform's limit is undocumented; no documented payload comes near it; in the README). */
const MAX_PAYLOAD_DEPTH = 64;

/** The spec and handler of a request's action; `validation` or `not_implemented` when there is none to run. */
function resolveAction(req: Incoming): { spec: MethodSpec; table: HandlerTable; handler: Handler } {
  const spec = lookup(req.api, req.action, req.version);
  if (!spec || req.action === 'ping') {
    throw invalid(`Unknown action "${req.action}" for the ${API_NAMES[req.api]} v${req.version}`);
  }
  if (!spec.transports.includes(req.transport)) {
    throw invalid(
      `Action "${req.action}" is available over ${spec.transports.includes('rtm') ? 'the RTM API' : 'the Web API'} only`,
    );
  }
  const table = TABLES[req.api];
  const handler = ownValue(table.handlers, req.action);
  if (!handler) {
    throw new SimError('not_implemented', `The simulator does not simulate ${req.api} action "${req.action}"`);
  }
  return { spec, table, handler };
}

/**
 * Throws `validation` naming the first documented required field the payload lacks (`clientId`: the Bearer
 * token's, which stands in for an {@link OWNER_FROM_TOKEN} action's `owner_client_id`).
 */
function checkRequired(req: Incoming, spec: MethodSpec, payload: Record<string, unknown>, clientId?: string): void {
  const documented = requiredOf(req.api, req.action, spec);
  const required =
    clientId && OWNER_FROM_TOKEN.has(req.action) ? documented.filter((f) => f !== 'owner_client_id') : documented;
  const missing = missingRequired(required, payload);
  if (missing) throw invalid(`Wrong format of request: "${missing}" is required`);
}

/** Runs one request; never throws (every failure becomes an error outcome). */
export async function dispatch(p: Platform, req: Incoming): Promise<Outcome> {
  const effects: (() => void)[] = [];
  let entry: RequestLogEntry | undefined;
  try {
    if (nestsDeeperThan(req.payload, MAX_PAYLOAD_DEPTH)) {
      throw invalid(`Wrong format of request: the payload nests deeper than ${MAX_PAYLOAD_DEPTH} levels`);
    }
    const { spec, table, handler } = resolveAction(req);
    entry = p.logRequest({
      api: req.api,
      transport: req.transport,
      version: req.version,
      action: req.action,
      principal: req.conn?.principal ? summary(req.conn.principal) : undefined,
      payload: redact(req.payload),
      requestId: req.requestId,
    });
    await p.faults.apply({ api: req.api, action: req.action, transport: req.transport }, p.closing.signal);
    await sleep(p.options.requestDelay, p.closing.signal);
    if (req.api === 'customer' && req.transport === 'web') checkOrganization(p, req.organizationId);
    const principal = authorize(p, req, table);
    if (principal) entry.principal = summary(principal);
    if (principal?.kind === 'customer')
      noteCustomerAddress(p, principal.id, req.remoteAddress ?? req.conn?.remoteAddress);
    const payload = req.payload ?? {};
    if (!isObject(payload)) throw invalid('Wrong format of request: the payload must be a JSON object');
    // `owner_client_id` of these actions is "Required only when authorizing via PATs" (docs): with a
    // Bearer token the token's client id is used; the handlers fill it in (see ownerClientId).
    const clientId =
      principal?.kind === 'agent' && !principal.pat && req.transport === 'web'
        ? p.auth.bearerClientId(req.authorization)
        : undefined;
    checkRequired(req, spec, payload, clientId);
    const ctx: RequestContext = {
      api: req.api,
      transport: req.transport,
      action: req.action,
      version: req.version,
      principal,
      origin: { conn: req.conn, requestId: req.requestId },
      conn: req.conn,
      clientId,
      headers: req.headers,
      after: (fn) => effects.push(fn),
    };
    const result = await handler(ctx, payload, p);
    entry.ok = true;
    return { ok: true, payload: result ?? {}, effects };
  } catch (err) {
    const error = err instanceof SimError ? err : internal(p, err);
    if (entry) {
      entry.ok = false;
      entry.error = { type: error.type, message: error.message };
    }
    return { ok: false, error, effects: [] };
  }
}

/** Runs what a request caused after its response (pushes, webhooks); a failing effect is logged, never thrown. */
export function runEffects(p: Platform, effects: (() => void)[]): void {
  for (const effect of effects) {
    try {
      effect();
    } catch (err) {
      p.log(`internal error after a response: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
  }
}

function internal(p: Platform, err: unknown): SimError {
  p.log(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  return new SimError('internal', 'Internal server error');
}

function noteCustomerAddress(p: Platform, customerId: string, address: string | undefined): void {
  const customer = p.store.customers.get(customerId);
  if (customer && address) customer.ip = address.replace(/^::ffff:/, '');
}

function summary(principal: Principal): { kind: 'agent' | 'customer'; id: string } {
  return { kind: principal.kind, id: principal.id };
}

function checkOrganization(p: Platform, organizationId: string | undefined): void {
  if (!organizationId) throw invalid('Wrong format of request: the "organization_id" query parameter is required');
  if (organizationId !== p.store.organizationId) {
    throw new SimError('license_not_found', `Organization ${JSON.stringify(organizationId)} not found`);
  }
}

/** Who is asking; throws `authentication` / `authorization`. */
function authorize(p: Platform, req: Incoming, table: HandlerTable): Principal | undefined {
  if (table.noAuth?.has(req.action)) return undefined;
  let principal: Principal;
  if (req.transport === 'rtm') {
    const current = req.conn?.principal;
    if (req.action === 'login') {
      if (current) throw invalid('Already logged in on this connection');
      return undefined;
    }
    if (!current) throw new SimError('authentication', 'Not logged in: send "login" first');
    principal = current;
  } else {
    principal = p.auth.authorize(req.authorization);
  }
  checkPrincipal(p, req.api, principal, req.action);
  return principal;
}

/** The payload for the request log: token fields redacted, files summarised. */
function redact(payload: unknown): unknown {
  if (!isObject(payload)) return payload;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(payload)) {
    if (k === 'token' || k === 'secret_key' || k === 'bot_secret') setOwn(out, k, '[redacted]');
    else if (v instanceof UploadedFile) setOwn(out, k, v.toJSON());
    else setOwn(out, k, v);
  }
  return JSON.parse(JSON.stringify(out));
}
