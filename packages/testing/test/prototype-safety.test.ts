// Keys that come from requests (`__proto__`, `constructor`, ...) never reach Object.prototype or other
// built-ins of the process the simulator runs in.
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../src/index.js';
import { Rtm, web } from './helpers.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(() => sim.close());

// Undo any damage so one failure does not break the rest of the run.
const builtinPropertyIsEnumerable = Object.prototype.propertyIsEnumerable;
const builtinKeys = Object.keys;
afterEach(() => {
  delete (Object.prototype as Record<string, unknown>).polluted;
  if (!Object.hasOwn(Object.prototype, 'propertyIsEnumerable')) {
    Object.defineProperty(Object.prototype, 'propertyIsEnumerable', {
      value: builtinPropertyIsEnumerable,
      writable: true,
      configurable: true,
      enumerable: false,
    });
  }
  if (Object.keys !== builtinKeys)
    Object.defineProperty(Object, 'keys', {
      value: builtinKeys,
      writable: true,
      configurable: true,
      enumerable: false,
    });
});

const json = (body: string) => ({ headers: { 'content-type': 'application/json' }, body });
const intact = () => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.hasOwn(Object.prototype, 'propertyIsEnumerable')).toBe(true);
  expect(Object.keys).toBe(builtinKeys);
};

it('a Reports GET query string cannot write to Object.prototype (parsed before authorization)', async () => {
  const res = await fetch(
    `${sim.url}/v3.6/reports/chats/total_chats?filters[__proto__][polluted]=yes&__proto__[polluted]=yes`,
  );
  expect(res.status).toBe(401);
  intact();
  const basic = { authorization: `Basic ${sim.agents[0]!.basicAuth}` };
  const ok = await fetch(
    `${sim.url}/v3.6/reports/chats/total_chats?filters[constructor][prototype][polluted]=yes&filters.__proto__.polluted=yes`,
    { headers: basic },
  );
  expect(ok.status).toBeLessThan(500);
  intact();
});

it('delete_chat_properties / delete_thread_properties cannot delete members of built-ins', async () => {
  const token = sim.customer.accessToken;
  const { chat_id, thread_id } = (await web(sim, 'customer', 'start_chat', {}, { token })).body;
  for (const props of ['{"__proto__":["propertyIsEnumerable"]}', '{"constructor":["keys"]}']) {
    await web(sim, 'customer', 'delete_chat_properties', undefined, {
      token,
      ...json(`{"id":"${chat_id}","properties":${props}}`),
    });
    await web(sim, 'agent', 'delete_thread_properties', undefined, {
      token: sim.agents[0]!.accessToken,
      ...json(`{"chat_id":"${chat_id}","thread_id":"${thread_id}","properties":${props}}`),
    });
    intact();
  }
});

it('delete_license_properties / delete_group_properties cannot delete members of built-ins', async () => {
  const token = sim.agents[0]!.accessToken;
  for (const props of ['{"__proto__":["propertyIsEnumerable"]}', '{"constructor":["keys"]}']) {
    await web(sim, 'configuration', 'delete_license_properties', undefined, {
      token,
      ...json(`{"properties":${props}}`),
    });
    await web(sim, 'configuration', 'delete_group_properties', undefined, {
      token,
      ...json(`{"id":0,"properties":${props}}`),
    });
    intact();
  }
});

it('update_*_properties refuses a "__proto__" namespace or name and stores nothing through it', async () => {
  const token = sim.agents[0]!.accessToken;
  const { chat_id } = (await web(sim, 'customer', 'start_chat', {}, { token: sim.customer.accessToken })).body;
  const chatUpdate = await web(sim, 'agent', 'update_chat_properties', undefined, {
    token,
    ...json(`{"id":"${chat_id}","properties":{"__proto__":{"polluted":"yes"}}}`),
  });
  expect(chatUpdate.status).toBe(400);
  expect(chatUpdate.body.error.type).toBe('validation');
  const nameUpdate = await web(sim, 'configuration', 'update_license_properties', undefined, {
    token,
    ...json('{"properties":{"ns":{"__proto__":{"polluted":"yes"}}}}'),
  });
  expect(nameUpdate.status).toBe(400);
  intact();
  expect((await web(sim, 'configuration', 'list_license_properties', {}, { token })).body).toEqual({});
  const start = await web(sim, 'customer', 'start_chat', undefined, {
    token: sim.customer.accessToken,
    ...json('{"chat":{"properties":{"__proto__":{"polluted":"yes"}}}}'),
  });
  expect(start.status).toBe(400);
  intact();
});

it('a namespace called "constructor" or "toString" is an ordinary namespace', async () => {
  const token = sim.agents[0]!.accessToken;
  await web(sim, 'configuration', 'delete_license_properties', { properties: { toString: ['x'] } }, { token });
  await web(sim, 'configuration', 'update_license_properties', { properties: { constructor: { a: 1 } } }, { token });
  expect((await web(sim, 'configuration', 'list_license_properties', {}, { token })).body).toEqual({
    constructor: { a: 1 },
  });
  await web(sim, 'configuration', 'delete_license_properties', { properties: { constructor: ['a'] } }, { token });
  expect((await web(sim, 'configuration', 'list_license_properties', {}, { token })).body).toEqual({});
  intact();
});

it('an action called "__proto__", "constructor" or "toString" is an unknown action', async () => {
  const auth = { authorization: `Bearer ${sim.agents[0]!.accessToken}`, 'content-type': 'application/json' };
  for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
    const res = await fetch(`${sim.url}/v3.6/agent/action/${name}`, { method: 'POST', headers: auth, body: '{}' });
    expect(res.status, name).toBeGreaterThanOrEqual(400);
    expect(res.status, name).toBeLessThan(500);
    const { rtm } = await Rtm.login(sim, 'agent', sim.agents[0]!.accessToken);
    const frame = await rtm.request(name);
    expect(frame.success, name).toBe(false);
    expect(frame.payload.error.type, name).not.toBe('internal');
    rtm.close();
  }
});

it('update_group with an agent called "constructor" in agent_priorities is not found, and nothing inherited is used', async () => {
  const basic = sim.agents[0]!.basicAuth;
  const res = await web(
    sim,
    'configuration',
    'update_group',
    { id: 0, agent_priorities: { constructor: 'first' } },
    { basic },
  );
  expect(res.body.error.type).toBe('not_found');
  const created = await web(sim, 'configuration', 'create_agent', { id: 'constructor', name: 'Odd Id' }, { basic });
  expect(created.status).toBe(200);
  expect(
    (
      await web(
        sim,
        'configuration',
        'update_group',
        { id: 0, agent_priorities: { [sim.agents[0]!.id]: 'first' } },
        { basic },
      )
    ).status,
  ).toBe(200);
  const group = await web(sim, 'configuration', 'get_group', { id: 0, fields: ['agent_priorities'] }, { basic });
  expect(group.body.agent_priorities).toEqual({ [sim.agents[0]!.id]: 'first' });
  expect(
    (await web(sim, 'configuration', 'get_agent', { id: 'constructor', fields: ['groups'] }, { basic })).body.groups,
  ).toEqual([]);
});

it('a multipart field called "__proto__" does not change the payload', async () => {
  const form = new FormData();
  form.append('__proto__', new Blob(['x']), 'evil.txt');
  const res = await fetch(`${sim.url}/v3.6/agent/action/upload_file`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sim.agents[0]!.accessToken}` },
    body: form,
  });
  expect(res.status).toBe(400);
  intact();
});
