import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../src/index.js';
import { Rtm, web } from './helpers.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(() => sim.close());

async function call(
  method: string,
  path: string,
  init: { auth?: string; body?: object; form?: Record<string, string>; cookie?: string } = {},
) {
  const headers: Record<string, string> = {};
  if (init.auth) headers.authorization = init.auth;
  if (init.cookie) headers.cookie = init.cookie;
  let body: string | undefined;
  if (init.body) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.body);
  } else if (init.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(init.form).toString();
  }
  const res = await fetch(`${sim.accountsUrl}${path}`, { method, headers, body: body ?? null });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

describe('accounts endpoints', () => {
  it('resolves the organization of a PAT or an access token with /v2/organizations/my', async () => {
    const [smith] = sim.agents;
    const pat = await call('GET', '/v2/organizations/my', { auth: `Basic ${smith!.basicAuth}` });
    expect(pat).toMatchObject({ status: 200, body: { organization_id: sim.organizationId } });
    const bearer = await call('GET', `/v2/organizations/${sim.organizationId}`, {
      auth: `Bearer ${smith!.accessToken}`,
    });
    expect(bearer.body.organization_id).toBe(sim.organizationId);
    const wrongPat = await call('GET', '/v2/organizations/my', {
      auth: `Basic ${Buffer.from(`${smith!.accountId}:wrong`).toString('base64')}`,
    });
    expect(wrongPat).toMatchObject({
      status: 401,
      body: { error: 'unauthorized', error_description: expect.any(String) },
    });
    // Trailing garbage after a valid encoding is refused, not skipped by a lenient decoder.
    expect((await call('GET', '/v2/organizations/my', { auth: `Basic ${smith!.basicAuth}x` })).status).toBe(401);
    expect((await call('GET', '/v2/organizations/my', { auth: `Basic ${smith!.basicAuth}!!` })).status).toBe(401);
    expect((await call('GET', '/v2/organizations/someone-else', { auth: `Basic ${smith!.basicAuth}` })).status).toBe(
      404,
    );
  });

  it('introspects tokens with /v2/info', async () => {
    const [smith] = sim.agents;
    const info = await call('GET', '/v2/info', { auth: `Bearer ${smith!.accessToken}` });
    expect(info.body).toMatchObject({
      account_id: smith!.accountId,
      organization_id: sim.organizationId,
      token_type: 'Bearer',
      expires_in: expect.any(Number),
    });
    expect((await call('GET', '/v2/info', { auth: 'Bearer dal:nope' })).status).toBe(401);
  });

  it('refreshes and exchanges codes at POST /v2/token; the new token works', async () => {
    const [smith] = sim.agents;
    const refreshed = await call('POST', '/v2/token', {
      form: {
        grant_type: 'refresh_token',
        refresh_token: smith!.refreshToken,
        client_id: sim.clientId,
        client_secret: sim.clientSecret,
      },
    });
    expect(refreshed.body).toMatchObject({
      access_token: expect.stringMatching(/^dal:/),
      refresh_token: smith!.refreshToken,
      expires_in: 28800,
      organization_id: sim.organizationId,
    });
    expect((await web(sim, 'agent', 'list_chats', {}, { token: refreshed.body.access_token })).status).toBe(200);

    const code = sim.authorizationCode(sim.agents[1]!.id);
    const exchanged = await call('POST', '/v2/token', {
      body: {
        grant_type: 'authorization_code',
        code,
        client_id: sim.clientId,
        client_secret: sim.clientSecret,
        redirect_uri: 'http://x',
      },
    });
    expect(exchanged.body.account_id).toBe(sim.agents[1]!.accountId);
    const reused = await call('POST', '/v2/token', {
      body: { grant_type: 'authorization_code', code, client_id: sim.clientId },
    });
    expect(reused).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect(
      (
        await call('POST', '/v2/token', {
          body: { grant_type: 'refresh_token', refresh_token: 'x', client_id: 'other' },
        })
      ).body.error,
    ).toBe('invalid_client');

    expect((await call('DELETE', `/v2/token?token=${encodeURIComponent(exchanged.body.access_token)}`)).status).toBe(
      204,
    );
    expect((await web(sim, 'agent', 'list_chats', {}, { token: exchanged.body.access_token })).status).toBe(401);
  });

  it('grants customer tokens with the cookie grant (same customer while the cookie lasts)', async () => {
    const first = await call('POST', '/v2/customer/token', {
      body: {
        grant_type: 'cookie',
        client_id: sim.clientId,
        response_type: 'token',
        organization_id: sim.organizationId,
        redirect_uri: 'http://localhost/',
      },
    });
    expect(first.body).toMatchObject({
      access_token: expect.any(String),
      entity_id: expect.any(String),
      expires_in: 28800,
      token_type: 'Bearer',
      organization_id: sim.organizationId,
    });
    const cookie = first.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    expect(cookie).toContain('__lc_cid=');
    const again = await call('POST', '/v2/customer/token', {
      cookie,
      body: {
        grant_type: 'cookie',
        client_id: sim.clientId,
        response_type: 'token',
        organization_id: sim.organizationId,
        redirect_uri: 'http://localhost/',
      },
    });
    expect(again.body.entity_id).toBe(first.body.entity_id);
    const { rtm, login } = await Rtm.login(sim, 'customer', again.body.access_token);
    expect(login.payload.customer.id).toBe(first.body.entity_id);
    rtm.close();
    const info = await call('GET', '/v2/customer/info', { auth: `Bearer ${again.body.access_token}` });
    expect(info.body).toMatchObject({ entity_id: first.body.entity_id, client_id: sim.clientId });
  });

  it('grants customer tokens with an agent token, never with a PAT', async () => {
    const [smith] = sim.agents;
    const body = { grant_type: 'agent_token', client_id: sim.clientId, response_type: 'token' };
    const fresh = await call('POST', '/v2/customer/token', { auth: `Bearer ${smith!.accessToken}`, body });
    expect(fresh.status).toBe(200);
    expect(fresh.body.entity_id).not.toBe(sim.customer.id);
    const existing = await call('POST', '/v2/customer/token', {
      auth: `Bearer ${smith!.accessToken}`,
      body: { ...body, entity_id: sim.customer.id },
    });
    expect(existing.body.entity_id).toBe(sim.customer.id);
    expect((await web(sim, 'customer', 'get_customer', {}, { token: existing.body.access_token })).body.id).toBe(
      sim.customer.id,
    );
    const withPat = await call('POST', '/v2/customer/token', { auth: `Basic ${smith!.basicAuth}`, body });
    expect(withPat).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
    expect(
      (await call('POST', '/v2/customer/token', { body: { ...body, grant_type: 'identity_token' } })).body.error,
    ).toBe('unsupported_grant_type');
  });
});
