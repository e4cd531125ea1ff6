// What the bot must never do: answer an agent's internal note, answer another bot or agent (two
// bots in one chat would answer each other forever), or leave a logged-in socket behind.
import { AgentWeb } from '@lc/agent';
import { CustomerWeb } from '@lc/customer';
import { startSimulator, type Simulator } from '@lc/testing';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { simulatorAccount, startBot, type Bot } from '../src/bot.mjs';

let sim: Simulator;
const bots: Bot[] = [];
beforeEach(async () => {
  sim = await startSimulator({ port: 0 });
});
afterEach(async () => {
  for (const b of bots.splice(0)) await b.close();
  await sim.close();
});
const tokenOf = (accessToken: string) => () => ({
  accessToken,
  organizationID: sim.organizationId,
  tokenType: 'Bearer' as const,
});

async function chatWithBot() {
  const bot = await startBot({ tokenGetter: await simulatorAccount(sim), apiUrl: sim.wsUrl });
  bots.push(bot);
  const c = sim.createCustomer({ name: 'Ada' });
  const customer = new CustomerWeb(tokenOf(c.accessToken), { apiUrl: sim.url });
  const { chat_id } = await customer.startChat({
    chat: { thread: { events: [{ type: 'message', text: 'Hello', visibility: 'all' }] } },
  });
  await vi.waitFor(() => expect(sim.events(chat_id).filter((e) => e.type === 'message')).toHaveLength(2));
  const owner = sim.agents[0]!;
  const agent = new AgentWeb(tokenOf(owner.accessToken), { apiUrl: sim.url });
  await agent.addUserToChat({ chat_id, user_id: owner.id, user_type: 'agent', visibility: 'all' });
  return { chat_id, customer, agent, owner, bot };
}

it("never repeats a human agent's internal note (visibility 'agents') to the customer", async () => {
  const { chat_id, agent, customer, bot } = await chatWithBot();
  await agent.sendEvent({
    chat_id,
    event: { type: 'message', text: 'internal: this customer owes us $500', visibility: 'agents' },
  });
  await agent.sendEvent({ chat_id, event: { type: 'message', text: 'Hi, I am Ann from support', visibility: 'all' } });
  await customer.sendEvent({ chat_id, event: { type: 'message', text: 'Thanks', visibility: 'all' } });
  await vi.waitFor(() => expect(sim.events(chat_id).filter((e) => e.author_id === bot.id)).toHaveLength(2)); // Hello, Thanks
  const fromBot = sim
    .events(chat_id)
    .filter((e) => e.author_id === bot.id)
    .map((e) => String(e.text));
  expect(fromBot.some((t) => t.includes('owes us') || t.includes('Ann'))).toBe(false);
});

it('two bots in one chat do not answer each other', async () => {
  const { chat_id, customer, owner } = await chatWithBot();
  bots.push(await startBot({ tokenGetter: tokenOf(owner.accessToken), apiUrl: sim.wsUrl }));
  await customer.sendEvent({ chat_id, event: { type: 'message', text: 'Anyone?', visibility: 'all' } });
  await new Promise((r) => setTimeout(r, 500));
  // Hello + its answer, Anyone? + one answer from each bot
  expect(sim.events(chat_id).filter((e) => e.type === 'message').length).toBeLessThanOrEqual(5);
});

it('startBot closes its client when a step after login fails', async () => {
  sim.failNext(1, { action: 'set_routing_status' });
  await expect(startBot({ tokenGetter: await simulatorAccount(sim), apiUrl: sim.wsUrl })).rejects.toThrow();
  await vi.waitFor(() => expect(sim.connections().filter((c) => c.api === 'agent')).toHaveLength(0));
});

it('cannot log in with a bot token: the platform refuses bots over RTM, and so does the simulator', async () => {
  await expect(startBot({ tokenGetter: tokenOf(sim.bot.accessToken), apiUrl: sim.wsUrl })).rejects.toMatchObject({
    type: 'authorization',
  });
  await vi.waitFor(() => expect(sim.connections().filter((c) => c.api === 'agent')).toHaveLength(0));
});
