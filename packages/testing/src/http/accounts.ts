// The accounts endpoints the SDK uses (Global Accounts API and Customer Accounts API, v2), on the same port:
// PAT organization lookup, OAuth token exchange/refresh/revoke, token info, customer token grants.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AGENT_SCOPE, type Principal } from '../auth.js';
import { SimError } from '../errors.js';
import type { Platform } from '../platform.js';
import { decodeOrUndefined, isObject, secret } from '../util.js';
import { readBody, sendJson } from './io.js';

/** The accounts APIs' own error body: `{"error": "<code>", "error_description": "..."}`. */
class AccountsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    description: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(description);
  }
}

/** Largest accounts request body read (token requests are a few hundred bytes). */
const ACCOUNTS_BODY_LIMIT = 64 * 1024;

const unauthorized = (why: string) => new AccountsError(401, 'unauthorized', why);

/** Handles `/v2/...`; returns false when the path is not an accounts endpoint. */
export async function handleAccounts(
  p: Platform,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  const route = `${req.method} ${url.pathname.replace(/\/$/, '')}`;
  try {
    const org = /^GET \/v2\/organizations\/([^/]+)$/.exec(route);
    if (org) {
      const id = decodeOrUndefined(org[1]!);
      if (id === undefined)
        throw new AccountsError(400, 'invalid_request', 'Malformed percent-encoding in the organization id');
      sendJson(res, 200, organization(p, req, id));
    } else if (route === 'GET /v2/info') {
      sendJson(res, 200, tokenInfo(p, req, 'agent'));
    } else if (route === 'GET /v2/customer/info') {
      sendJson(res, 200, tokenInfo(p, req, 'customer'));
    } else if (route === 'POST /v2/token') {
      sendJson(res, 200, await exchange(p, req, url));
    } else if (route === 'DELETE /v2/token') {
      revoke(p, req, url);
      res.writeHead(204).end();
    } else if (route === 'POST /v2/customer/token') {
      const { body, cookies } = await customerToken(p, req, url);
      sendJson(res, 200, body, cookies.length ? { 'set-cookie': cookies } : {});
    } else {
      return false;
    }
  } catch (err) {
    if (err instanceof AccountsError) {
      sendJson(res, err.status, { error: err.code, error_description: err.message, ...err.extra });
    } else if (err instanceof SimError) {
      sendJson(res, 401, { error: 'unauthorized', error_description: err.message });
    } else {
      p.log(`accounts internal error: ${err instanceof Error ? err.message : String(err)}`);
      sendJson(res, 500, { error: 'server_error', error_description: 'Internal server error' });
    }
  }
  return true;
}

function principalOf(p: Platform, req: IncomingMessage): Principal {
  try {
    return p.auth.authorize(req.headers.authorization);
  } catch (err) {
    throw unauthorized(err instanceof Error ? err.message : 'Unauthorized');
  }
}

function organization(p: Platform, req: IncomingMessage, id: string): unknown {
  const principal = principalOf(p, req);
  if (principal.kind !== 'agent')
    throw new AccountsError(403, 'access_denied', 'Customer tokens cannot read organizations');
  if (id !== 'my' && id !== p.store.organizationId) {
    throw new AccountsError(404, 'resource_not_found', 'Organization not found', {
      resource_name: 'organization',
      resource_id: id,
    });
  }
  return {
    organization_id: p.store.organizationId,
    name: p.store.organizationName,
    invitation_mode: 'lax',
    domain_whitelist: false,
    products: [{ product: 'livechat', license_id: String(p.store.licenseId) }],
  };
}

function bearerToken(req: IncomingMessage): string {
  const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
  if (!m) throw unauthorized('A "Bearer <access token>" Authorization header is required');
  return m[1]!.trim();
}

function tokenInfo(p: Platform, req: IncomingMessage, kind: 'agent' | 'customer'): unknown {
  const token = bearerToken(req);
  const info = p.auth.info(token);
  if (!info || info.principal.kind !== kind) throw unauthorized('Invalid or expired access token');
  if (kind === 'customer') {
    return {
      access_token: token,
      entity_id: info.principal.id,
      client_id: info.clientId,
      expires_in: info.expiresIn,
      organization_id: p.store.organizationId,
      token_type: 'Bearer',
    };
  }
  const agent = p.store.agents.get(info.principal.id);
  return {
    access_token: token,
    account_id: agent?.accountId ?? info.principal.id,
    client_id: info.clientId,
    expires_in: info.expiresIn,
    organization_id: p.store.organizationId,
    scope: info.scope,
    token_type: 'Bearer',
  };
}

/** Request parameters from a JSON or form body, falling back to the query string. */
async function params(req: IncomingMessage, url: URL): Promise<Record<string, unknown>> {
  let raw: string;
  try {
    raw = (await readBody(req, ACCOUNTS_BODY_LIMIT)).toString('utf8');
  } catch (err) {
    if (err instanceof Error && err.message === 'too_large')
      throw new AccountsError(413, 'invalid_request', `The body is larger than ${ACCOUNTS_BODY_LIMIT} bytes`);
    throw err;
  }
  const type = req.headers['content-type'] ?? '';
  let body: Record<string, unknown> = {};
  if (raw.trim()) {
    if (type.includes('application/x-www-form-urlencoded')) {
      body = Object.fromEntries(new URLSearchParams(raw));
    } else {
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        throw new AccountsError(400, 'invalid_request', 'The body must be JSON or application/x-www-form-urlencoded');
      }
      if (!isObject(parsed)) throw new AccountsError(400, 'invalid_request', 'The body must be a JSON object');
      body = parsed;
    }
  }
  return { ...Object.fromEntries(url.searchParams), ...body };
}

function tokenResponse(p: Platform, agentId: string, clientId: string, refreshToken: string): Record<string, unknown> {
  const agent = p.store.agents.get(agentId);
  if (!agent) throw new AccountsError(400, 'invalid_grant', 'The account of this grant no longer exists');
  return {
    access_token: p.auth.issue({ kind: 'agent', id: agentId, bot: false, pat: false }, clientId),
    account_id: agent.accountId,
    expires_in: p.auth.tokenTtl,
    organization_id: p.store.organizationId,
    refresh_token: refreshToken,
    scope: AGENT_SCOPE,
    token_type: 'Bearer',
  };
}

async function exchange(p: Platform, req: IncomingMessage, url: URL): Promise<unknown> {
  const body = await params(req, url);
  if (typeof body.grant_type !== 'string') throw new AccountsError(400, 'invalid_request', '"grant_type" is required');
  if (body.client_id !== p.clientId) throw new AccountsError(401, 'invalid_client', 'Unknown "client_id"');
  if (body.client_secret !== undefined && body.client_secret !== p.clientSecret)
    throw new AccountsError(401, 'invalid_client', 'Wrong "client_secret"');
  if (body.grant_type === 'refresh_token') {
    const grant = typeof body.refresh_token === 'string' ? p.auth.refreshGrant(body.refresh_token) : undefined;
    if (!grant) throw new AccountsError(400, 'invalid_grant', 'Invalid or revoked refresh token');
    return tokenResponse(p, grant.agentId, p.clientId, body.refresh_token as string);
  }
  if (body.grant_type === 'authorization_code' || body.grant_type === 'code') {
    const grant = typeof body.code === 'string' ? p.auth.takeCode(body.code) : undefined;
    if (!grant) throw new AccountsError(400, 'invalid_grant', 'Invalid or used authorization code');
    return tokenResponse(p, grant.agentId, p.clientId, p.auth.issueRefreshToken(grant.agentId, p.clientId));
  }
  throw new AccountsError(
    400,
    'unsupported_grant_type',
    `grant_type ${JSON.stringify(body.grant_type)} is not supported`,
  );
}

function revoke(p: Platform, req: IncomingMessage, url: URL): void {
  const token = url.searchParams.get('token') ?? url.searchParams.get('code') ?? bearerToken(req);
  if (!p.auth.revoke(token)) throw unauthorized('Unknown token');
}

function cookieOf(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    // A cookie that is not valid percent-encoding is treated as absent.
    if (k === name) return decodeOrUndefined(v.join('='));
  }
  return undefined;
}

/** `grant_type=cookie`: the customer the `__lc_cid`/`__lc_cst` cookies name, else a new one (whose cookies go into `cookies`). */
function cookieGrant(p: Platform, req: IncomingMessage, body: Record<string, unknown>, cookies: string[]): string {
  if (body.organization_id === undefined)
    throw new AccountsError(400, 'invalid_request', '"organization_id" is required for grant_type cookie');
  const cid = cookieOf(req, '__lc_cid');
  const cst = cookieOf(req, '__lc_cst');
  const known = cid ? p.store.customers.get(cid) : undefined;
  if (known && known.cookieSecret !== undefined && known.cookieSecret === cst) return known.id;
  const created = p.store.addCustomer();
  created.cookieSecret = secret();
  const attrs = `Path=/; Max-Age=${2 * 365 * 86400}; HttpOnly; SameSite=Lax`;
  cookies.push(`__lc_cid=${created.id}; ${attrs}`, `__lc_cst=${created.cookieSecret}; ${attrs}`);
  return created.id;
}

/** `grant_type=agent_token`: the customer `entity_id` names, else a new one; needs an agent's Bearer token. */
function agentTokenGrant(p: Platform, req: IncomingMessage, body: Record<string, unknown>): string {
  const header = req.headers.authorization ?? '';
  if (/^Basic\s/i.test(header))
    throw unauthorized('Personal access tokens cannot be used for the agent_token grant; use an agent access token');
  const principal = p.auth.info(bearerToken(req))?.principal;
  if (principal?.kind !== 'agent') throw unauthorized('Invalid or expired agent access token');
  if (body.entity_id === undefined) return p.store.addCustomer().id;
  if (typeof body.entity_id !== 'string' || !p.store.customers.has(body.entity_id)) {
    throw new AccountsError(400, 'invalid_request', 'Unknown "entity_id"');
  }
  return body.entity_id;
}

async function customerToken(
  p: Platform,
  req: IncomingMessage,
  url: URL,
): Promise<{ body: unknown; cookies: string[] }> {
  const body = await params(req, url);
  const grant = body.grant_type;
  if (typeof body.client_id !== 'string' || body.client_id === '')
    throw new AccountsError(400, 'invalid_request', '"client_id" is required');
  if (body.organization_id !== undefined && body.organization_id !== p.store.organizationId) {
    throw new AccountsError(400, 'invalid_request', 'Unknown "organization_id"');
  }
  const cookies: string[] = [];
  let customerId: string;
  if (grant === 'cookie') {
    customerId = cookieGrant(p, req, body, cookies);
  } else if (grant === 'agent_token') {
    customerId = agentTokenGrant(p, req, body);
  } else {
    throw new AccountsError(
      400,
      'unsupported_grant_type',
      `grant_type ${JSON.stringify(grant)} is not supported by the simulator (use cookie or agent_token)`,
    );
  }
  const accessToken = p.auth.issue({ kind: 'customer', id: customerId }, body.client_id);
  return {
    body: {
      access_token: accessToken,
      entity_id: customerId,
      expires_in: p.auth.tokenTtl,
      token_type: 'Bearer',
      organization_id: p.store.organizationId,
      client_id: body.client_id,
    },
    cookies,
  };
}
