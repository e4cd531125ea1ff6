// The simulator's API versions through the real CustomerWeb client: 3.7 List Chats answers
// `chats_info`, `get_predicted_agent` is unknown at 3.7 (removed), and /v3.4 is refused.
import { ApiError, type Token } from '@lc/core';
import { startSimulator, type Simulator } from '@lc/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomerWeb } from '../src/index.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(async () => {
  await sim?.close();
});

const customer = (): Token => ({
  accessToken: sim.customer.accessToken,
  organizationID: sim.organizationId,
  tokenType: 'Bearer',
});
const client = (apiVersion?: string) =>
  new CustomerWeb(customer, { apiUrl: sim.url, ...(apiVersion ? { apiVersion } : {}) });

describe('API versions of the simulator (Customer)', () => {
  it('answers List Chats with chats_info at 3.7, last_event_per_type inside last_thread_info', async () => {
    await client().startChat({ chat: { thread: { events: [{ type: 'message', text: 'hi', visibility: 'all' }] } } });
    const at37: any = await client('3.7').listChats();
    expect(at37).not.toHaveProperty('chats_summary');
    const [chat] = at37.chats_info;
    expect(chat).not.toHaveProperty('last_thread_id');
    expect(chat.last_thread_info.last_event_per_type.message.event.text).toBe('hi');
    expect(await client().listChats()).toHaveProperty('chats_summary');
  });

  it('answers get_predicted_agent at 3.6 only; at 3.7 it is an unknown action', async () => {
    await expect(client('3.7').getPredictedAgent()).rejects.toMatchObject({
      type: 'validation',
      message: expect.stringContaining('Unknown action "get_predicted_agent"'),
    });
  });

  it('refuses /v3.4 with an error that names the simulated versions', async () => {
    const error = await client('3.4')
      .listChats()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ type: 'unsupported_version', message: expect.stringMatching(/3\.6 and 3\.7/) });
  });
});
