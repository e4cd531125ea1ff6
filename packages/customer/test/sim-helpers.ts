// What the customer tests against the simulator share: customer clients on it, a chat with several
// threads built the way a customer builds one (start, deactivate, resume), and an agent on a raw RTM
// socket (an API package never depends on another; plain-fetch calls are test-utils/sim-fixture's).
import type { Token, WebSocketConstructor } from '@lc/core';
import type { Simulator, SimulatorCustomer } from '@lc/testing';
import WebSocket from 'ws';
import { CustomerRTM, CustomerWeb } from '../src/index.js';

// `ws`'s class fits at run time but not WebSocketConstructor's handler types (see sim-customer.test.ts).
export const WS = WebSocket as unknown as WebSocketConstructor;

export const message = (text: string) => ({ type: 'message' as const, text, visibility: 'all' as const });

export function tokenOf(sim: Simulator, customer: SimulatorCustomer): () => Token {
  return () => ({ accessToken: customer.accessToken, organizationID: sim.organizationId, tokenType: 'Bearer' });
}

export function webFor(sim: Simulator, customer: SimulatorCustomer): CustomerWeb {
  return new CustomerWeb(tokenOf(sim, customer), { apiUrl: sim.url });
}

export async function rtmFor(sim: Simulator, customer: SimulatorCustomer): Promise<CustomerRTM> {
  const rtm = new CustomerRTM(WS, tokenOf(sim, customer), { apiUrl: sim.wsUrl });
  await rtm.login();
  return rtm;
}

/**
 * A chat of `threads` threads, each with the messages `t<n> m<k>` (k = 1..perThread); every thread
 * but the last is closed by the customer (the platform adds a system message to it).
 */
export async function chatWithThreads(web: CustomerWeb, threads: number, perThread = 2): Promise<string> {
  let chatId = '';
  for (let t = 1; t <= threads; t++) {
    const first = [message(`t${t} m1`)];
    if (t === 1) chatId = (await web.startChat({ chat: { thread: { events: first } } })).chat_id;
    else await web.resumeChat({ chat: { id: chatId, thread: { events: first } } });
    for (let k = 2; k <= perThread; k++) await web.sendEvent({ chat_id: chatId, event: message(`t${t} m${k}`) });
    if (t < threads) await web.deactivateChat({ id: chatId });
  }
  return chatId;
}

/** An agent logged in on a raw Agent RTM socket, collecting the pushes it gets. */
export async function agentSocket(
  sim: Simulator,
  agent = sim.agents[0]!,
): Promise<{ ws: WebSocket; pushes: { action: string; payload: any }[]; close(): void }> {
  const ws = new WebSocket(`${sim.wsUrl}/v3.6/agent/rtm/ws?organization_id=${sim.organizationId}`);
  const pushes: { action: string; payload: any }[] = [];
  await new Promise<void>((resolve, reject) => {
    ws.once('error', reject);
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString());
      if (frame.type === 'push') pushes.push(frame);
      if (frame.action === 'login') frame.success ? resolve() : reject(new Error(JSON.stringify(frame.payload)));
    });
    ws.once('open', () =>
      ws.send(JSON.stringify({ request_id: 'l', action: 'login', payload: { token: `Bearer ${agent.accessToken}` } })),
    );
  });
  return { ws, pushes, close: () => ws.close() };
}

/** The threads of a chat as the simulator stores them (ids only). */
export function storedThreads(sim: Simulator, chatId: string): { id: string; events: { id: string }[] }[] {
  return (sim.chat(chatId) as { threads: { id: string; events: { id: string }[] }[] }).threads;
}
