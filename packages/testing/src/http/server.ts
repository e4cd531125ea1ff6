// HTTP: the Web APIs (`/v3.x/<api>/action/<action>`, `/v3.x/reports/<resource>/<name>`), the accounts
// endpoints (`/v2/...`), uploaded files (`/files/...`) and a small info document at `/`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dispatch, type Incoming, runEffects, simulatedActions } from '../dispatch.js';
import { SimError } from '../errors.js';
import type { Platform } from '../platform.js';
import { UploadedFile } from '../uploads.js';
import { type ApiName, lookup, versionProblem } from '../spec.js';
import { SPEC_SOURCE } from '../spec-data.js';
import { handleAccounts } from './accounts.js';
import { decodeOrUndefined, ownValue, requestUrl, setOwn } from '../util.js';
import { cors, preflight, queryObject, readBody, sendJson } from './io.js';

const ACTION_PATH = /^\/v([^/]+)\/(agent|customer|configuration)\/action\/([^/]+)\/?$/;
const REPORT_PATH = /^\/v([^/]+)\/reports\/([^/]+)\/([^/]+)\/?$/;
const BODY_LIMIT = 11 * 1024 * 1024;
/** `unique_visitors` is documented at `customers/` but its curl example posts to `stats/`. */
const REPORT_ALIASES: Record<string, string> = { 'stats/unique_visitors': 'customers/unique_visitors' };

export function createRequestListener(p: Platform): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(p, req, res).catch((err: unknown) => {
      p.log(`http internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      sendJson(res, 500, new SimError('internal', 'Internal server error').toBody());
    });
  };
}

/** The API, version and action an API path names, or the error to answer when it names none the simulator serves. */
function routeOf(
  method: string | undefined,
  url: URL,
): { api: ApiName; version: string; name: string } | { status: number; error: SimError } {
  const action = ACTION_PATH.exec(url.pathname);
  const report = action ? null : REPORT_PATH.exec(url.pathname);
  const notFound = { status: 404, error: new SimError('not_found', `No endpoint ${method} ${url.pathname}`) };
  if (!action && !report) return notFound;
  const version = (action ?? report)![1]!;
  const unsupported = versionProblem(version);
  if (unsupported) return { status: 400, error: new SimError('unsupported_version', unsupported) };
  const api: ApiName = action ? (action[2] as ApiName) : 'reports';
  const decoded = action ? decodeOrUndefined(action[3]!) : `${report![2]}/${report![3]}`;
  if (decoded === undefined) return notFound;
  return { api, version, name: ownValue(REPORT_ALIASES, decoded) ?? decoded };
}

async function handle(p: Platform, req: IncomingMessage, res: ServerResponse): Promise<void> {
  cors(req, res);
  if (req.method === 'OPTIONS') return preflight(req, res);
  const url = requestUrl(req.url);
  if (!url) return sendJson(res, 400, new SimError('validation', 'Malformed request target').toBody());
  if (url.pathname.startsWith('/v2/') && (await handleAccounts(p, req, res, url))) return;
  if (url.pathname.startsWith('/files/') && req.method === 'GET') return serveFile(p, res, url);
  if (url.pathname === '/' && req.method === 'GET') return sendJson(res, 200, info(p));

  const route = routeOf(req.method, url);
  if ('error' in route) return sendJson(res, route.status, route.error.toBody());
  const { api, version, name } = route;

  const spec = lookup(api, name, version);
  const wantsGet = api === 'customer' && spec?.http === 'GET';
  const allowed = api === 'reports' ? ['GET', 'POST'] : [wantsGet ? 'GET' : 'POST'];
  if (spec && !allowed.includes(req.method ?? '')) {
    return sendJson(
      res,
      405,
      new SimError('validation', `Use ${allowed.join(' or ')} for ${api} action "${name}"`, { status: 405 }).toBody(),
      {
        allow: allowed.join(', '),
      },
    );
  }

  let payload: unknown;
  try {
    payload = req.method === 'GET' ? fromQuery(url, api) : await fromBody(req);
  } catch (err) {
    const error =
      err instanceof SimError ? err : new SimError('validation', 'Wrong format of request: unreadable body');
    return sendJson(res, error.status, error.toBody());
  }
  const incoming: Incoming = {
    api,
    transport: 'web',
    version,
    action: name,
    payload,
    authorization: req.headers.authorization,
    organizationId: url.searchParams.get('organization_id') ?? undefined,
    headers: req.headers,
    remoteAddress: req.socket.remoteAddress,
  };
  const outcome = await dispatch(p, incoming);
  if (outcome.ok) {
    sendJson(res, 200, outcome.payload);
  } else {
    const error = outcome.error!;
    sendJson(res, error.status, error.toBody(), error.headers);
  }
  p.log(`web ${api} ${name} → ${outcome.ok ? 'ok' : outcome.error!.type}`);
  runEffects(p, outcome.effects);
}

function fromQuery(url: URL, api: ApiName): Record<string, unknown> {
  const params = new URLSearchParams(url.searchParams);
  params.delete('organization_id');
  return queryObject(params, api === 'reports');
}

async function fromBody(req: IncomingMessage): Promise<unknown> {
  let raw: Buffer;
  try {
    raw = await readBody(req, BODY_LIMIT);
  } catch (err) {
    if (err instanceof Error && err.message === 'too_large')
      throw new SimError('entity_too_large', 'Upload limit exceeded (10MB).');
    throw err;
  }
  const type = req.headers['content-type'] ?? '';
  if (type.toLowerCase().startsWith('multipart/form-data')) return multipart(raw, type);
  const text = raw.toString('utf8');
  if (!text.trim()) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SimError('validation', 'Wrong format of request: the body is not valid JSON');
  }
}

async function multipart(raw: Buffer, type: string): Promise<Record<string, unknown>> {
  let form: FormData;
  try {
    form = await new Request('http://simulator.local/', {
      method: 'POST',
      headers: { 'content-type': type },
      body: new Uint8Array(raw),
    }).formData();
  } catch {
    throw new SimError('validation', 'Wrong format of request: unreadable multipart/form-data body');
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string') setOwn(out, key, value);
    else
      setOwn(
        out,
        key,
        new UploadedFile(
          value.name || 'file',
          value.type || 'application/octet-stream',
          new Uint8Array(await value.arrayBuffer()),
        ),
      );
  }
  return out;
}

function serveFile(p: Platform, res: ServerResponse, url: URL): void {
  const id = url.pathname.split('/')[2] ?? '';
  const file = p.store.files.get(id);
  if (!file) return sendJson(res, 404, new SimError('not_found', 'File not found').toBody());
  res.writeHead(200, { 'content-type': file.contentType, 'content-length': file.data.byteLength });
  res.end(file.data);
}

/** `GET /`: what this server is (no credentials). */
function info(p: Platform): unknown {
  return {
    name: 'lc-simulator',
    organization_id: p.store.organizationId,
    spec: SPEC_SOURCE,
    endpoints: {
      web: `${p.baseUrl}/v3.6/<agent|customer|configuration>/action/<action>`,
      reports: `${p.baseUrl}/v3.6/reports/<resource>/<name>`,
      rtm: `${p.baseUrl.replace(/^http/, 'ws')}/v3.6/<agent|customer>/rtm/ws?organization_id=${p.store.organizationId}`,
      accounts: `${p.baseUrl}/v2`,
    },
    simulated_actions: simulatedActions(),
  };
}
