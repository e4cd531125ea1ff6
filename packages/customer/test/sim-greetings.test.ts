// Greetings, bans and the survey / URL / goal / email actions through the real CustomerRTM and
// CustomerWeb clients against the simulator. The configuration and agent sides use plain `fetch`.
import { ValidationError, type WebSocketConstructor } from '@lc/core';
import { startSimulator } from '@lc/testing';
import { describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { startReceiver, useSimulator } from '../../../test-utils/sim-fixture.js';
import { CustomerRTM, CustomerWeb } from '../src/index.js';

const WS = WebSocket as unknown as WebSocketConstructor;
const fixture = useSimulator(() => startSimulator({ port: 0 }));
const tokenOf = (accessToken: string) => fixture.bearer(accessToken);
/** An action of another API by plain fetch, as the owner (Bearer). */
const asOwner = (api: 'agent' | 'configuration', action: string, payload: object) =>
  fixture.call(api, action, fixture.sim.agents[0]!.accessToken, payload);

async function loggedIn(name: string) {
  const customer = fixture.sim.createCustomer({ name, email: `${name.toLowerCase()}@example.com` });
  const rtm = new CustomerRTM(WS, tokenOf(customer.accessToken), { apiUrl: fixture.sim.wsUrl, reconnect: false });
  fixture.track(rtm);
  await rtm.login();
  return { customer, rtm, web: new CustomerWeb(tokenOf(customer.accessToken), { apiUrl: fixture.sim.url }) };
}

describe('greetings', () => {
  it('a greeting made with create_greeting reaches the customer whose page matches; accept and cancel change it', async () => {
    const { id } = await asOwner('configuration', 'create_greeting', {
      type: 'normal',
      active: true,
      name: 'Pricing',
      group: 0,
      rules: [{ condition: 'and', type: 'url_current', operator: 'contains', value: '/pricing' }],
      properties: { 'greeting-message_text': 'Questions about our plans?' },
    });
    const { customer, rtm } = await loggedIn('Greta');
    const greetings: Array<{ id: number; unique_id: string; event: { text?: string } }> = [];
    rtm.on('incoming_greeting', (push) => greetings.push(push as never));
    const accepted: string[] = [];
    rtm.on('greeting_accepted', ({ unique_id }) => accepted.push(unique_id));

    await rtm.updateCustomerPage({ url: 'https://example.com/home' });
    await rtm.updateCustomerPage({ url: 'https://example.com/pricing' });
    await vi.waitFor(() => expect(greetings).toHaveLength(1));
    const [shown] = greetings;
    expect(shown).toMatchObject({ id, event: { type: 'message', text: 'Questions about our plans?' } });
    expect(fixture.sim.greeting(shown!.unique_id)).toMatchObject({ customerId: customer.id, state: 'displayed' });

    await expect(rtm.acceptGreeting({ greeting_id: id + 1, unique_id: shown!.unique_id })).rejects.toMatchObject({
      type: 'greeting_not_found',
    });
    await rtm.acceptGreeting({ greeting_id: id, unique_id: shown!.unique_id });
    expect(fixture.sim.greeting(shown!.unique_id)?.state).toBe('accepted');
    await vi.waitFor(() => expect(accepted).toEqual([shown!.unique_id]));
    await expect(rtm.cancelGreeting({ unique_id: shown!.unique_id })).rejects.toThrow(ValidationError);

    // Shown once per customer: the same page again brings no second greeting; a shown one can be canceled.
    await rtm.updateCustomerPage({ url: 'https://example.com/pricing?again' });
    const again = fixture.sim.showGreeting(customer.id, id);
    await vi.waitFor(() => expect(greetings).toHaveLength(2));
    expect(greetings[1]).toMatchObject({ unique_id: again, displayed_first_time: false });
    await rtm.cancelGreeting({ unique_id: again });
    expect(fixture.sim.greeting(again)?.state).toBe('canceled');
    await expect(rtm.cancelGreeting({ unique_id: 'NOPE' })).rejects.toMatchObject({ type: 'greeting_not_found' });
  });

  it('a new greeting cancels the displayed one; a button click names a button of the rich message', async () => {
    const button = { text: 'Talk to sales', type: 'message', value: 'sales', postback_id: 'sales', button_id: 'b1' };
    const { id } = await asOwner('configuration', 'create_greeting', {
      type: 'announcement',
      active: true,
      name: 'Rich',
      group: 0,
      rules: [{ condition: 'and', type: 'pages_view_number', operator: 'greater_or_equal', value: '99' }],
      rich_message: { template_id: 'cards', elements: [{ title: 'Hi', subtitle: 'there', buttons: [button] }] },
    });
    const { customer, rtm, web } = await loggedIn('Rich');
    const canceled: string[] = [];
    rtm.on('greeting_canceled', ({ unique_id }) => canceled.push(unique_id));
    const first = fixture.sim.showGreeting(customer.id, id);
    const second = fixture.sim.showGreeting(customer.id, id);
    await vi.waitFor(() => expect(canceled).toEqual([first]));
    await web.sendGreetingButtonClicked({ greeting_unique_id: second, button_id: 'b1' });
    expect(fixture.sim.greeting(second)?.clickedButtons).toEqual(['b1']);
    await expect(web.sendGreetingButtonClicked({ greeting_unique_id: second, button_id: 'b2' })).rejects.toThrow(
      ValidationError,
    );
  });
});

describe('bans and the other customer actions', () => {
  it('a banned customer is disconnected and cannot log in or start a chat', async () => {
    const { customer, rtm, web } = await loggedIn('Banned');
    const reasons: string[] = [];
    rtm.onEvent('disconnected', ({ reason }) => reasons.push(String(reason)));
    await asOwner('agent', 'ban_customer', { id: customer.id, ban: { days: 1 } });
    await vi.waitFor(() => expect(reasons).toContain('customer_banned'));
    await expect(web.startChat({})).rejects.toMatchObject({ type: 'customer_banned', status: 403 });
    const again = new CustomerRTM(WS, tokenOf(customer.accessToken), { apiUrl: fixture.sim.wsUrl, reconnect: false });
    fixture.track(again);
    await expect(again.login()).rejects.toMatchObject({ type: 'customer_banned' });
  });

  it('get_form, get_url_info, check_goals and request_email_verification', async () => {
    const { customer, web, rtm } = await loggedIn('Forms');
    expect(await rtm.getForm({ group_id: 0, type: 'prechat' })).toMatchObject({
      enabled: true,
      form: { id: expect.any(String), fields: expect.arrayContaining([expect.objectContaining({ type: 'email' })]) },
    });
    await expect(web.getForm({ group_id: 0, type: 'survey' as never })).rejects.toThrow(ValidationError);
    expect(await web.getUrlInfo({ url: 'https://www.livechat.com/pricing' })).toMatchObject({
      title: 'www.livechat.com',
      url: 'https://www.livechat.com/pricing',
    });
    await web.checkGoals({ session_fields: [{ plan: 'pro' }], group_id: 0, page_url: 'https://example.com' });
    await expect(
      web.checkGoals({ session_fields: [], group_id: 5, page_url: 'https://example.com' }),
    ).rejects.toMatchObject({
      type: 'group_not_found',
    });

    const receiver = await startReceiver();
    const uri = `${receiver.url}/verified`;
    await web.requestEmailVerification({ callback_uri: uri });
    expect(await fixture.sim.confirmEmail(customer.id)).toEqual([200]);
    expect(receiver.received).toEqual([{ email: 'forms@example.com' }]);
    await receiver.close();
  });
});
