// update_customer (both APIs) and the customer fields of a customer login: a request with one bad field changes nothing.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../src/index.js';
import { Rtm, web } from './helpers.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(() => sim.close());

it('update_customer with one bad field changes no field', async () => {
  const token = sim.agents[0]!.accessToken;
  const customer = sim.createCustomer({ name: 'Before' });
  const res = await web(sim, 'agent', 'update_customer', { id: customer.id, name: 'After', email: 42 }, { token });
  expect(res.body.error.type).toBe('validation');
  const res2 = await web(
    sim,
    'customer',
    'update_customer',
    { name: 'After', session_fields: 'bad' },
    { token: customer.accessToken },
  );
  expect(res2.body.error.type).toBe('validation');
  expect(sim.getCustomer(customer.id)).toMatchObject({ name: 'Before' });
});

it('a customer login with a bad customer field fails and changes nothing', async () => {
  const customer = sim.createCustomer({ name: 'Before' });
  const rtm = await Rtm.open(sim, 'customer');
  const login = await rtm.request('login', {
    token: `Bearer ${customer.accessToken}`,
    customer: { name: 'After', phone_number: '1', session_fields: [{ a: 1 }] },
  });
  expect(login.success).toBe(false);
  expect(sim.getCustomer(customer.id)).toMatchObject({ name: 'Before' });
  expect(sim.getCustomer(customer.id)).not.toHaveProperty('phone_number');
  rtm.close();
});
