// onGreeting against the simulator: a greeting created with the Configuration API reaches the
// customer as `incoming_greeting` when its rules hold (or when the simulator shows it), and the
// bound accept / cancel settle it as the platform does.
import { startSimulator, type Simulator } from '@lc/testing';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useSimulator } from '../../../test-utils/sim-fixture.js';
import { CustomerRTM, type Greeting, type GreetingActions, onGreeting } from '../src/index.js';
import { tokenOf, WS } from './sim-helpers.js';

const fixture = useSimulator(() => startSimulator({ port: 0 }));
let sim: Simulator;
let greetingId: number;

beforeAll(async () => {
  sim = fixture.sim;
  ({ id: greetingId } = await fixture.call('configuration', 'create_greeting', sim.agents[0]!.accessToken, {
    type: 'normal',
    active: true,
    name: 'Pricing help',
    group: 0,
    rules: [{ condition: 'and', type: 'url_current', operator: 'contains', value: '/pricing' }],
    properties: { 'greeting-message_text': 'Questions about our plans?' },
  }));
});

/** A customer on `url` whose greetings are collected with their bound actions. */
async function customerOn(url: string) {
  const customer = sim.createCustomer();
  const rtm = fixture.track(new CustomerRTM(WS, tokenOf(sim, customer), { apiUrl: sim.wsUrl }));
  const greetings: { greeting: Greeting; actions: GreetingActions }[] = [];
  onGreeting(rtm, (greeting, actions) => greetings.push({ greeting, actions }));
  await rtm.login({ customer_page: { url } });
  return { customer, greetings };
}

describe('onGreeting with the simulator', () => {
  it('a greeting whose rules hold arrives once; accept settles it', async () => {
    const { greetings } = await customerOn('https://shop.example/pricing');
    await vi.waitFor(() => expect(greetings).toHaveLength(1));
    const [{ greeting, actions }] = greetings as [(typeof greetings)[0]];
    expect(greeting).toMatchObject({ id: greetingId, event: { type: 'message', text: 'Questions about our plans?' } });
    expect(sim.greeting(greeting.unique_id)?.state).toBe('displayed');
    await actions.accept();
    expect(sim.greeting(greeting.unique_id)?.state).toBe('accepted');
    // The platform refuses a second answer to the same greeting.
    await expect(actions.cancel()).rejects.toMatchObject({ type: 'validation' });
  });

  it('cancel dismisses a greeting the simulator shows', async () => {
    const { customer, greetings } = await customerOn('https://shop.example/');
    const uniqueId = sim.showGreeting(customer.id, greetingId);
    await vi.waitFor(() => expect(greetings.map((g) => g.greeting.unique_id)).toEqual([uniqueId]));
    await greetings[0]!.actions.cancel();
    expect(sim.greeting(uniqueId)?.state).toBe('canceled');
  });
});
