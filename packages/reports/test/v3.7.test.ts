// `@lc/reports/v3.7`: every documented 3.7 report over a real HTTP server, at /v3.7, typed from the
// 3.7 spec; the package root keeps sending 3.6.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Token } from '@lc/core';
import { ReportsWeb as ReportsWeb36 } from '../src/index.js';
import { REPORT_PATHS, ReportsWeb } from '../src/v3.7.js';
import { camel, methodsOf, startServer, type TestServer } from '../../../test-utils/recording-server.js';

const token: Token = { accessToken: 'secret-pat-base64', organizationID: 'org-1', tokenType: 'Basic' };
let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.seen.length = 0;
  server.reply = () => ({ body: { name: 'report', summary: {} } });
});

const methods = methodsOf('reports', '3.7');

describe('every documented Reports 3.7 report', () => {
  it('covers the 19 reports: the 17 of 3.6, abandoned_carts and visitor_domains', () => {
    expect(methods).toHaveLength(19);
    expect(Object.keys(REPORT_PATHS).sort()).toEqual(methods.map((m) => m.method).sort());
    expect(REPORT_PATHS.abandoned_carts).toBe('sales/abandoned_carts');
    expect(REPORT_PATHS.visitor_domains).toBe('stats/visitor_domains');
  });

  it.each(methods.map((m) => [m.method, m] as const))('%s → POST /v3.7/reports/<path>', async (name) => {
    const reports = new ReportsWeb(() => token, { apiUrl: server.url, retry: false });
    const method = (reports as unknown as Record<string, (p: unknown) => Promise<unknown>>)[camel(name)];
    expect(typeof method).toBe('function');
    await method!.call(reports, { filters: { from: '2026-03-19T00:00:00Z', to: '2026-03-20T23:59:59Z' } });
    expect(server.seen.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /v3.7/reports/${REPORT_PATHS[name as keyof typeof REPORT_PATHS]}`,
    ]);
  });
});

describe('ReportsWeb from @lc/reports/v3.7', () => {
  it('resolves abandonedCarts with the documented body', async () => {
    const body = {
      name: 'abandoned_carts',
      records: { '2026-03-20': { abandoned_cart_count: 1, total_abandoned_value_usd: 591.38 } },
      summary: { total_abandoned_cart_count: 1, total_abandoned_value_usd: 591.38 },
    };
    server.reply = () => ({ body });
    const reports = new ReportsWeb(() => token, { apiUrl: server.url, retry: false });
    const report = await reports.abandonedCarts({
      distribution: 'day',
      filters: { from: '2026-03-19T00:00:00Z', to: '2026-03-20T23:59:59Z' },
    });
    expect(report.summary.total_abandoned_value_usd).toBe(591.38);
  });

  it('sends another apiVersion when asked, and the package root stays on 3.6', async () => {
    await new ReportsWeb(() => token, { apiUrl: server.url, retry: false, apiVersion: '3.8' }).ranking();
    await new ReportsWeb36(() => token, { apiUrl: server.url, retry: false }).ranking();
    expect(server.seen.map((r) => r.path)).toEqual(['/v3.8/reports/chats/ranking', '/v3.6/reports/chats/ranking']);
  });

  it('refuses a paths override for a report 3.7 does not have', () => {
    expect(() => new ReportsWeb(() => token, { paths: { no_such: 'chats/x' } as never })).toThrow(
      /not a Reports API report/,
    );
  });
});
