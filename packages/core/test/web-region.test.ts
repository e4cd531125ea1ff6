// A token without a region (a PAT, a token without a `dal:`-style prefix) reaches whichever data
// center `apiUrl` routes to; the platform refuses a request in the wrong one with HTTP 421
// `misdirected_request` and names the region to use. The Web client follows that answer once.
import { describe, expect, it } from 'vitest';
import { createWebClient as createDefaultWebClient, MisdirectedRequestError, type Token } from '../src/index.js';
import { createWebClient as createNodeWebClient } from '../src/node/entry.js';
import type { Reply } from './helpers/http-server.js';
import { useHttpServer } from './helpers/use-server.js';
import { WIRE } from './helpers/wire.js';

const transports = [
  // A spec-compliant fetch re-sends a request answered 421 once by itself, on a new connection
  // (Fetch Standard, HTTP-network-or-cache fetch: "response's status is 421 ..."; undici does it).
  { name: 'global fetch', create: createDefaultWebClient, fetchResends421: true },
  { name: 'node:http', create: createNodeWebClient, fetchResends421: false },
] as const;

const pat: Token = { accessToken: 'cGF0OnNlY3JldA==', tokenType: 'Basic', organizationID: 'org-1' };
const misdirected = (region: string): Reply => ({
  status: 421,
  json: { error: { type: 'misdirected_request', message: 'Wrong region', data: { region } } },
});
/** A server that plays two data centers: it serves `X-Region: fra` and refuses everything else. */
const twoRegions: Reply = (request) =>
  request.headers['x-region'] === 'fra' ? { json: { event_id: 'e1' } } : misdirected('fra');

const testServer = useHttpServer();

describe.each(transports)('region over $name', ({ create, fetchResends421 }) => {
  const client = () =>
    create({ api: 'agent', apiUrl: testServer().url, tokenGetter: () => pat, retry: false, wire: WIRE.agent });
  /** Requests the wrong region got for one refusal the client saw. */
  const refused = fetchResends421 ? 2 : 1;

  it('re-sends a refused write once to the region the platform names, and stays there', async () => {
    testServer().route('POST /v3.6/agent/action/send_event', twoRegions);
    const web = client();
    await expect(web.call('send_event', { chat_id: 'c', event: { type: 'message', text: 'hi' } })).resolves.toEqual({
      event_id: 'e1',
    });
    const regions = testServer().requests.map((r) => r.headers['x-region']);
    expect(regions).toEqual([...Array(refused).fill(undefined), 'fra']);
    // The platform processed the write once: only the request to `fra` was served.
    expect(testServer().requests.filter((r) => r.headers['x-region'] === 'fra')).toHaveLength(1);

    testServer().requests.length = 0;
    await web.call('send_event', { chat_id: 'c', event: { type: 'message', text: 'again' } });
    expect(testServer().requests.map((r) => r.headers['x-region'])).toEqual(['fra']);
  });

  it('follows a region once per call: a second refusal rejects with MisdirectedRequestError', async () => {
    testServer().route('POST /v3.6/agent/action/send_event', misdirected('fra'));
    const error = await client()
      .call('send_event', { chat_id: 'c', event: { type: 'message', text: 'hi' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MisdirectedRequestError);
    expect(error).toMatchObject({ status: 421, action: 'send_event', data: { region: 'fra' } });
    expect(testServer().requests.map((r) => r.headers['x-region'])).toEqual([
      ...Array(refused).fill(undefined),
      ...Array(refused).fill('fra'),
    ]);
  });

  it('does not re-send when the platform names the region the request already went to', async () => {
    testServer().route('POST /v3.6/agent/action/send_event', misdirected('dal'));
    const dal = create({
      api: 'agent',
      apiUrl: testServer().url,
      tokenGetter: () => ({ ...pat, region: 'dal' }),
      retry: false,
      wire: WIRE.agent,
    });
    await expect(dal.call('send_event', { chat_id: 'c', event: {} })).rejects.toBeInstanceOf(MisdirectedRequestError);
    expect(testServer().requests).toHaveLength(refused);
  });
});
