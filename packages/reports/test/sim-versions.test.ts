// The two 3.7 reports of the simulator through the real clients: the typed `@lc/reports/v3.7` entry and
// the 3.6 root's ReportsWeb with `apiVersion: '3.7'`; the same paths are unknown at 3.6.
import type { Token } from '@lc/core';
import { startSimulator, type Simulator } from '@lc/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportsWeb } from '../src/index.js';
import { ReportsWeb as ReportsWeb37 } from '../src/v3.7.js';

let sim: Simulator;
let pat: () => Token;
beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  pat = () => ({ accessToken: sim.agents[0]!.basicAuth, organizationID: sim.organizationId, tokenType: 'Basic' });
});
afterAll(async () => {
  await sim?.close();
});

describe('3.7 reports against the simulator', () => {
  it('answers the typed 3.7 entry', async () => {
    const reports = new ReportsWeb37(pat, { apiUrl: sim.url });
    const filters = { from: '2026-03-19T00:00:00Z', to: '2026-03-20T23:59:59Z' };
    const carts = await reports.abandonedCarts({ distribution: 'day', filters });
    expect(carts.summary).toEqual({ total_abandoned_cart_count: 0, total_abandoned_value_usd: 0 });
    expect(Object.keys(carts.records ?? {})).toEqual(['2026-03-19', '2026-03-20']);
    expect(await reports.visitorDomains({ filters })).toEqual({ name: 'visitor-domains-report', summary: {} });
  });

  it('answers abandoned_carts per day of the range and visitor_domains (3.6 root, apiVersion 3.7)', async () => {
    const reports = new ReportsWeb(pat, { apiUrl: sim.url, apiVersion: '3.7' });
    const filters = { from: '2026-03-19T00:00:00Z', to: '2026-03-20T23:59:59Z' };
    const carts = await reports.call<any>('sales/abandoned_carts', { distribution: 'day', filters });
    expect(carts).toMatchObject({
      name: 'abandoned_carts',
      request: { distribution: 'day', filters },
      summary: { total_abandoned_cart_count: 0, total_abandoned_value_usd: 0 },
    });
    expect(Object.keys(carts.records)).toEqual(['2026-03-19', '2026-03-20']);
    expect(await reports.call('stats/visitor_domains', { filters })).toEqual({
      name: 'visitor-domains-report',
      summary: {},
    });
  });

  it('answers a 3.7 report as unknown at 3.6', async () => {
    const reports = new ReportsWeb(pat, { apiUrl: sim.url });
    await expect(reports.call('sales/abandoned_carts', {})).rejects.toMatchObject({ type: 'validation' });
  });
});
