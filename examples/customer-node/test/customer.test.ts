import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { simulatorAccount, startBot, type Bot } from '@lc-examples/agent-bot';
import { customerTokenFromAgent } from '@lc/customer';
import { startSimulator, type Simulator } from '@lc/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startCustomer, type CustomerChat } from '../src/customer.mjs';

let sim: Simulator;
let bot: Bot;
let customer: CustomerChat | undefined;

beforeEach(async () => {
  sim = await startSimulator({ port: 0 });
  bot = await startBot({
    tokenGetter: await simulatorAccount(sim),
    apiUrl: sim.wsUrl,
  });
});
afterEach(async () => {
  await customer?.close();
  customer = undefined;
  await bot.close();
  await sim.close();
});

function tokenGetter() {
  return customerTokenFromAgent({
    clientId: sim.clientId,
    agentToken: sim.agents[0]!.accessToken,
    accountsUrl: sim.accountsUrl,
  });
}

describe('examples/customer-node', () => {
  it('gets a customer token, starts a chat, sends messages and receives each reply', async () => {
    const seen: string[] = [];
    customer = await startCustomer({
      tokenGetter: tokenGetter(),
      apiUrl: sim.wsUrl,
      onMessage: (m) => seen.push(`${m.from}/${m.author}: ${m.text}`),
    });

    const first = await customer.say('Hello');
    expect(first).toMatchObject({ from: 'agent', author: 'ChatBot', text: 'Hello! How can I help you today?' });
    const chatId = customer.chatId()!;
    expect(sim.chat(chatId)).toBeDefined();

    const second = await customer.say('How much does it cost?');
    expect(second.text).toContain('$20');
    expect(seen).toEqual([
      'customer/Customer: Hello',
      'agent/ChatBot: Hello! How can I help you today?',
      'customer/Customer: How much does it cost?',
      `agent/ChatBot: ${second.text}`,
    ]);
    // What the customer saw is what the platform stored.
    const stored = sim
      .events(chatId)
      .filter((e) => e.type === 'message')
      .map((e) => e.id);
    expect(customer.transcript().map((m) => m.id)).toEqual(stored);
    expect(sim.getCustomer(customer.customerId)).toBeDefined();
  });

  it('keeps chatting after its socket is dropped', async () => {
    const log: string[] = [];
    customer = await startCustomer({
      tokenGetter: tokenGetter(),
      apiUrl: sim.wsUrl,
      log: (l) => log.push(l),
      reconnect: { initialDelay: 100, maxDelay: 200 },
    });
    await customer.say('Hi');

    expect(sim.dropSockets({ api: 'customer' })).toBe(1);
    await vi.waitFor(() => expect(log).toContain('reconnected'), { timeout: 5000 });
    expect(log.some((l) => l.startsWith('connection closed (1006)'))).toBe(true);

    const reply = await customer.say('What are your opening hours?');
    expect(reply.text).toContain('open around the clock');
    expect(customer.transcript()).toHaveLength(4);
  });

  it('catches up on a reply that arrived while it was reconnecting', async () => {
    const log: string[] = [];
    customer = await startCustomer({
      tokenGetter: tokenGetter(),
      apiUrl: sim.wsUrl,
      log: (l) => log.push(l),
      reconnect: { initialDelay: 300, maxDelay: 300 },
    });
    await customer.say('Hi');
    const chatId = customer.chatId()!;

    sim.dropSockets({ api: 'customer' });
    // The bot writes while the customer has no socket: no push can reach it.
    await bot.rtm.sendEvent({ chat_id: chatId, event: { type: 'message', text: 'Still there?', visibility: 'all' } });

    await vi.waitFor(() => expect(customer!.transcript().map((m) => m.text)).toContain('Still there?'), {
      timeout: 5000,
    });
    expect(log).toContain('reconnected');
  });

  it('runs from the command line against an in-process simulator and exits 0', async () => {
    const main = fileURLToPath(new URL('../src/main.mjs', import.meta.url));
    const env = { ...process.env };
    for (const k of ['LC_CUSTOMER_TOKEN', 'LC_AGENT_TOKEN']) delete env[k];
    const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) => {
      execFile(process.execPath, [main, 'Hello', 'Thanks, bye!'], { env, timeout: 20_000 }, (error, out) =>
        resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout: out }),
      );
    });
    expect(stdout).toMatch(/Customer\s+› Hello\n/);
    expect(stdout).toMatch(/ChatBot\s+› Hello! How can I help you today\?\n/);
    expect(stdout).toMatch(/ChatBot\s+› You are welcome! Have a great day\.\n/);
    expect(stdout).toMatch(/chat \w+: 4 messages/);
    expect(code).toBe(0);
  }, 30_000);
});
