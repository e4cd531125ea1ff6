// `@lc/configuration/v3.7` against the simulator at /v3.7: the typed 3.7 methods reach the 3.7
// actions with no `apiVersion` option, and the root (3.6) is answered as 3.6.
import type { Token } from '@lc/core';
import { startSimulator, type Simulator } from '@lc/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigurationWeb as ConfigurationWeb36 } from '../src/index.js';
import { ConfigurationWeb } from '../src/v3.7.js';

let sim: Simulator;
let pat: () => Token;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  pat = () => ({ accessToken: sim.agents[0]!.basicAuth, organizationID: sim.organizationId, tokenType: 'Basic' });
});
afterAll(async () => {
  await sim?.close();
});

describe('ConfigurationWeb from @lc/configuration/v3.7 against the simulator', () => {
  it('creates, lists and deletes a canned response through the typed 3.7 methods', async () => {
    const config = new ConfigurationWeb(pat, { apiUrl: sim.url });
    const { id } = await config.createCannedResponse({ text: 'Hi!', tags: ['greeting'], group_id: 0 });
    const { canned_responses } = await config.listCannedResponses({ group_ids: [0] });
    expect(canned_responses.map((c) => c.id)).toContain(id);
    await config.deleteCannedResponse({ id });
  });

  it('updates translations in a batch with per-item results', async () => {
    const config = new ConfigurationWeb(pat, { apiUrl: sim.url });
    const batch = await config.batchUpdateTranslations({
      requests: [{ group_id: 0, language: 'en', phrases: { Welcome_title: 'Hello' } }],
    });
    expect(batch.ok).toBe(true);
    expect((await config.listTranslations({ group_id: 0, language: 'en' })).phrases.Welcome_title).toBe('Hello');
  });

  it('the 3.6 root is answered as 3.6: a 3.7 action is unknown there', async () => {
    const root = new ConfigurationWeb36(pat, { apiUrl: sim.url });
    await expect(root.call('list_canned_responses', {})).rejects.toMatchObject({
      type: 'validation',
      message: expect.stringContaining('Unknown action "list_canned_responses"'),
    });
  });
});
