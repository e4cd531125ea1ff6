import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuthorizationError, InputError, TimeoutError, type Token } from '@lc/core';
import { REPORT_PATHS, Reports, ReportsWeb } from '../src/index.js';
import { camel, methodsOf, startServer, type TestServer } from '../../../test-utils/recording-server.js';

const token: Token = { accessToken: 'secret-pat-base64', organizationID: 'org-1', tokenType: 'Basic' };
let server: TestServer;
let reports: ReportsWeb;

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.seen.length = 0;
  server.reply = () => ({ body: { name: 'report', total: 0, records: {} } });
  reports = new ReportsWeb(() => token, { apiUrl: server.url, retry: false });
});

const methods = methodsOf('reports');
/** The docs' Method URL path, except where the SDK deliberately follows the curl sample. */
const expectedPath = (name: string, specPath: string): string =>
  name === 'unique_visitors' ? 'stats/unique_visitors' : specPath;

describe('every documented Reports 3.6 report', () => {
  it('covers the 17 reports', () => {
    expect(methods).toHaveLength(17);
    expect(Object.keys(REPORT_PATHS).sort()).toEqual(methods.map((m) => m.method).sort());
  });

  it.each(methods.map((m) => [m.method, m] as const))(
    '%s → POST /v3.6/reports/<resource>/<name> with its body',
    async (name, m) => {
      const body = {
        distribution: 'day',
        timezone: 'Europe/Warsaw',
        filters: {
          from: '2021-04-08T00:00:00-00:00',
          to: '2021-04-15T23:59:59-00:00',
          agents: { values: ['joe@acme.com'] },
          properties: { routing: { continuous: { values: [true] } } },
          marker: name,
        },
      };
      const method = (reports as unknown as Record<string, (p: unknown) => Promise<unknown>>)[camel(name)];
      expect(typeof method).toBe('function');
      await expect(method!.call(reports, body)).resolves.toEqual({ name: 'report', total: 0, records: {} });
      expect(server.seen).toHaveLength(1);
      const [req] = server.seen;
      expect(req!.method).toBe('POST');
      expect(req!.path).toBe(`/v3.6/reports/${expectedPath(name, m.http!.path!)}`);
      expect(req!.body).toEqual(body);
      expect(req!.headers.authorization).toBe('Basic secret-pat-base64');
    },
  );
});

describe('ReportsWeb', () => {
  it('sends {} when called without a payload', async () => {
    await reports.ranking();
    expect(server.seen[0]!.body).toEqual({});
  });

  it('sends Date filters as ISO strings', async () => {
    await reports.totalChats({
      filters: { from: new Date('2021-04-08T00:00:00Z'), to: new Date('2021-04-15T23:59:59Z') },
    });
    expect(server.seen[0]!.body).toEqual({
      filters: { from: '2021-04-08T00:00:00.000Z', to: '2021-04-15T23:59:59.000Z' },
    });
  });

  it('lets the path of a report be overridden', async () => {
    const custom = new ReportsWeb(() => token, {
      apiUrl: server.url,
      paths: { unique_visitors: 'customers/unique_visitors' },
    });
    await custom.uniqueVisitors({ filters: { from: '2021-04-08T00:00:00-00:00', to: '2021-04-15T23:59:59-00:00' } });
    await custom.duration();
    expect(server.seen.map((r) => r.path)).toEqual([
      '/v3.6/reports/customers/unique_visitors',
      '/v3.6/reports/chats/duration',
    ]);
  });

  it('rejects a bad path override at construction', () => {
    expect(() => new ReportsWeb(() => token, { paths: { duration: '/chats/duration' } })).toThrow(InputError);
    expect(() => new ReportsWeb(() => token, { paths: { not_a_report: 'chats/x' } as never })).toThrow(InputError);
  });

  it('call() sends any report by path (e.g. a 3.7 preview report)', async () => {
    const preview = new ReportsWeb(() => token, { apiUrl: server.url, apiVersion: '3.7' });
    await preview.call('sales/abandoned_carts', { filters: {} });
    expect(server.seen[0]!.path).toBe('/v3.7/reports/sales/abandoned_carts');
  });

  it('maps API errors to typed errors', async () => {
    server.reply = () => ({
      status: 403,
      body: { error: { type: 'authorization', message: 'Missing scope reports_read' } },
    });
    const err = await reports.performance().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthorizationError);
    expect(err).toMatchObject({ action: 'agents/performance', status: 403 });
  });

  it('retries reports (read-only) after a 5xx', async () => {
    const retrying = new ReportsWeb(() => token, {
      apiUrl: server.url,
      retry: { limit: 1, baseDelay: 1, maxDelay: 1 },
    });
    let n = 0;
    server.reply = () => (++n === 1 ? { status: 502, text: 'bad gateway' } : { body: { records: { spam: 1 } } });
    await expect(retrying.chatUsage()).resolves.toEqual({ records: { spam: 1 } });
    expect(server.seen).toHaveLength(2);
  });

  it('honours the per-call timeout', async () => {
    server.reply = () => new Promise(() => undefined);
    await expect(reports.forms({}, { timeout: 50 })).rejects.toBeInstanceOf(TimeoutError);
  });

  it('exports the Reports namespace', () => {
    expect(Reports.Web).toBe(ReportsWeb);
  });
});
