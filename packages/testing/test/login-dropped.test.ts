// A socket that drops while its `login` is still being processed never becomes a session.
import { afterEach, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../src/index.js';
import { delay, Rtm, until, web } from './helpers.js';

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

it('an agent whose socket drops while its login is pending does not become accepting_chats, and gets no chats', async () => {
  sim = await startSimulator({ port: 0 });
  const jones = sim.agents[1]!;
  sim.delayNext(1, 100, { action: 'login' });
  const rtm = await Rtm.open(sim, 'agent');
  rtm.send({ request_id: 'l', action: 'login', payload: { token: `Bearer ${jones.accessToken}` } });
  await delay(20);
  rtm.ws.terminate(); // the network drops before the login response
  await until(() => sim!.requests({ action: 'login' })[0]?.ok !== undefined, 1000);
  expect(sim.requests({ action: 'login' })[0]!.ok).toBe(false);
  expect(sim.connections()).toEqual([]);
  expect(sim.routingStatus(jones.id)).toBe('offline');
  const { body } = await web(sim, 'customer', 'start_chat', {}, { token: sim.customer.accessToken });
  expect((sim.chat(body.chat_id) as any).users.map((u: any) => u.id)).not.toContain(jones.id);
});

it('a later login of the same agent on a live socket still works', async () => {
  sim = await startSimulator({ port: 0, requestDelay: 50 });
  const jones = sim.agents[1]!;
  const dropped = await Rtm.open(sim, 'agent');
  dropped.send({ request_id: 'l', action: 'login', payload: { token: `Bearer ${jones.accessToken}` } });
  await delay(10);
  dropped.ws.terminate();
  const { login } = await Rtm.login(sim, 'agent', jones.accessToken);
  expect(login.payload.my_profile.routing_status).toBe('accepting_chats');
  expect(sim.routingStatus(jones.id)).toBe('accepting_chats');
  expect(sim.connections()).toHaveLength(1);
});

it('a customer whose socket drops while its login is pending is not updated by that login', async () => {
  sim = await startSimulator({ port: 0 });
  sim.delayNext(1, 100, { action: 'login' });
  const rtm = await Rtm.open(sim, 'customer');
  rtm.send({
    request_id: 'l',
    action: 'login',
    payload: {
      token: `Bearer ${sim.customer.accessToken}`,
      customer: { name: 'Ghost' },
      customer_page: { url: 'https://example.com/ghost' },
    },
  });
  await delay(20);
  rtm.ws.terminate();
  await until(() => sim!.requests({ action: 'login' })[0]?.ok !== undefined, 1000);
  expect(sim.requests({ action: 'login' })[0]!.ok).toBe(false);
  expect(sim.connections()).toEqual([]);
  const customer = sim.getCustomer(sim.customer.id) as any;
  expect(customer.name).toBe(sim.customer.name);
  expect(JSON.stringify(customer)).not.toContain('example.com/ghost');
});
