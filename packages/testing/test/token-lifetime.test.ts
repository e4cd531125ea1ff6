// An RTM socket lives as long as its token: the login token, or the one `update_session` swapped in
// (docs: update_session keeps the connection open after the former token expires; disconnect reasons
// `access_token_expired` and `access_token_revoked`).
import { afterEach, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../src/index.js';
import { delay, Rtm, until } from './helpers.js';

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const reasons = (rtm: Rtm, api: 'agent' | 'customer' = 'agent') =>
  rtm.pushes(`${api}_disconnected`).map((f) => f.payload.reason);

it('an agent socket is disconnected with access_token_expired when its login token expires (tokenTtl)', async () => {
  sim = await startSimulator({ port: 0, tokenTtl: 1 });
  const jones = sim.agents[1]!;
  const { rtm } = await Rtm.login(sim, 'agent', sim.issueAgentToken(jones.id));
  expect(sim.routingStatus(jones.id)).toBe('accepting_chats');
  const closed = await Promise.race([rtm.closed, delay(2500).then(() => 'still open' as const)]);
  expect(closed).toEqual({ code: 1000, reason: 'access_token_expired' });
  expect(reasons(rtm)).toEqual(['access_token_expired']);
  await until(() => sim!.routingStatus(jones.id) === 'offline');
});

it('update_session with a fresh token keeps the socket open past the old token, until the new one expires', async () => {
  sim = await startSimulator({ port: 0, tokenTtl: 1 });
  const jones = sim.agents[1]!;
  const { rtm } = await Rtm.login(sim, 'agent', sim.issueAgentToken(jones.id));
  await delay(600);
  const fresh = sim.issueAgentToken(jones.id); // expires ~600 ms after the login token
  expect((await rtm.request('update_session', { token: `Bearer ${fresh}` })).success).toBe(true);
  await delay(650); // the login token has expired now
  expect(reasons(rtm)).toEqual([]);
  expect((await rtm.request('list_routing_statuses')).success).toBe(true);
  await Promise.race([rtm.closed, delay(1500)]);
  expect(reasons(rtm)).toEqual(['access_token_expired']);
});

it('expireToken() / revokeToken() end the sockets logged in with that token, and only those', async () => {
  sim = await startSimulator({ port: 0 });
  const [smith, jones] = sim.agents;
  const token = sim.issueAgentToken(jones!.id);
  const { rtm: a } = await Rtm.login(sim, 'agent', token);
  const { rtm: b } = await Rtm.login(sim, 'agent', token);
  const { rtm: other } = await Rtm.login(sim, 'agent', smith!.accessToken);
  expect(sim.expireToken(token)).toBe(true);
  await Promise.all([a.closed, b.closed]);
  expect(reasons(a)).toEqual(['access_token_expired']);
  expect(reasons(b)).toEqual(['access_token_expired']);

  const revoked = sim.issueAgentToken(jones!.id);
  const { rtm: c } = await Rtm.login(sim, 'agent', revoked);
  expect(sim.revokeToken(revoked)).toBe(true);
  expect(await c.closed).toEqual({ code: 1000, reason: 'access_token_revoked' });
  expect(reasons(c)).toEqual(['access_token_revoked']);

  expect(reasons(other)).toEqual([]);
  expect((await other.request('list_routing_statuses')).success).toBe(true);
});

it('the token swapped out by update_session no longer ends the socket', async () => {
  sim = await startSimulator({ port: 0 });
  const jones = sim.agents[1]!;
  const first = sim.issueAgentToken(jones.id);
  const { rtm } = await Rtm.login(sim, 'agent', first);
  expect((await rtm.request('update_session', { token: `Bearer ${sim.issueAgentToken(jones.id)}` })).success).toBe(
    true,
  );
  sim.revokeToken(first);
  await delay(50);
  expect(reasons(rtm)).toEqual([]);
  expect(sim.connections()).toHaveLength(1);
});

it('revoking a token over DELETE /v2/token ends its sockets with access_token_revoked', async () => {
  sim = await startSimulator({ port: 0 });
  const token = sim.issueAgentToken(sim.agents[1]!.id);
  const { rtm } = await Rtm.login(sim, 'agent', token);
  const res = await fetch(`${sim.accountsUrl}/v2/token?token=${encodeURIComponent(token)}`, { method: 'DELETE' });
  expect(res.status).toBe(204);
  await rtm.closed;
  expect(reasons(rtm)).toEqual(['access_token_revoked']);
});

it('a customer socket ends with its customer token too', async () => {
  sim = await startSimulator({ port: 0 });
  const customer = sim.createCustomer({ name: 'Short Lived' });
  const { rtm } = await Rtm.login(sim, 'customer', customer.accessToken);
  sim.expireToken(customer.accessToken);
  await rtm.closed;
  expect(reasons(rtm, 'customer')).toEqual(['access_token_expired']);
});

it('the seeded tokens (valid for a century) do not end sockets early', async () => {
  sim = await startSimulator({ port: 0 });
  const { rtm } = await Rtm.login(sim, 'agent', sim.agents[0]!.accessToken);
  await delay(100);
  expect(reasons(rtm)).toEqual([]);
  expect(sim.connections()).toHaveLength(1);
});
