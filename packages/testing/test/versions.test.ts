// The API versions over RTM: the upgrade of an unsimulated version is refused naming 3.6 and 3.7, a
// frame's `version` picks the rules of that request (never lower than the connection's), and the
// login's `pushes` are read for the connection's version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type Simulator, startSimulator } from '../src/index.js';
import { Rtm, web } from './helpers.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(() => sim.close());

/** The status and body of a refused upgrade. */
function refusedUpgrade(version: string): Promise<{ status: number; body: any }> {
  const ws = new WebSocket(`${sim.wsUrl}/v${version}/agent/rtm/ws?organization_id=${sim.organizationId}`);
  return new Promise((resolve, reject) => {
    ws.once('open', () => reject(new Error('the upgrade was accepted')));
    ws.once('unexpected-response', (_req, res) => {
      let text = '';
      res.on('data', (chunk) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    ws.once('error', () => {});
  });
}

describe('API versions over RTM', () => {
  it('refuses the upgrade of an unsimulated version, naming the simulated ones', async () => {
    const refused = await refusedUpgrade('3.4');
    expect(refused.status).toBe(400);
    expect(refused.body.error).toEqual({
      type: 'unsupported_version',
      message: 'Unsupported API version "3.4": the simulator simulates API versions 3.6 and 3.7',
    });
  });

  it("serves a frame at its own version, refuses one lower than the connection's and an unsimulated one", async () => {
    const { rtm } = await Rtm.login(sim, 'agent', sim.agents[0]!.accessToken);
    const send = (action: string, version: unknown, socket = rtm) => {
      const request_id = `v${Math.random()}`;
      const answer = socket.waitFor((f) => f.request_id === request_id);
      socket.send({ request_id, action, version, payload: {} });
      return answer;
    };
    expect((await send('list_chats', '3.7')).payload).toHaveProperty('chats_info');
    expect((await send('list_chats', undefined)).payload).toHaveProperty('chats_summary');
    expect((await send('list_chats', '3.5')).payload.error.message).toMatch(/simulates API versions 3\.6 and 3\.7/);
    rtm.close();

    const { rtm: at37 } = await Rtm.login(sim, 'agent', sim.agents[0]!.accessToken, {}, '3.7');
    expect((await send('list_chats', '3.6', at37)).payload.error).toMatchObject({
      type: 'validation',
      message: "Version 3.6 is lower than the connection's 3.7",
    });
    at37.close();
  });

  it("reads the login's pushes for the connection's version", async () => {
    const pushes = { '3.6': ['incoming_chat'], '3.7': ['canned_response_deleted'] };
    const { rtm: at37 } = await Rtm.login(sim, 'agent', sim.agents[0]!.accessToken, { pushes }, '3.7');
    const basic = sim.agents[0]!.basicAuth;
    const created = await web(
      sim,
      'configuration',
      'create_canned_response',
      { text: 'a', tags: [], group_id: 0 },
      { basic, version: '3.7' },
    );
    await web(sim, 'configuration', 'delete_canned_response', { id: created.body.id }, { basic, version: '3.7' });
    const deleted = await at37.waitFor((f) => f.action === 'canned_response_deleted');
    expect(deleted).toMatchObject({ version: '3.7', payload: { id: created.body.id } });
    expect(at37.frames.some((f) => f.action === 'canned_response_created')).toBe(false);
    at37.close();
  });
});
