// Integration tests of @lc/reports against the local LiveChat simulator (@lc/testing): the real
// ReportsWeb client with the owner's Personal Access Token (Basic) against the simulator's reports,
// which are built from the simulator's chats in the documented shapes. Checks that every report method
// reaches a path the platform serves.
import { AuthenticationError, type Token, ValidationError } from '@lc/core';
import { startSimulator, type Simulator } from '@lc/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_PATHS, ReportsWeb, type ReportName } from '../src/index.js';

let sim: Simulator;
let pat: () => Token;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  pat = () => ({ accessToken: sim.agents[0]!.basicAuth, organizationID: sim.organizationId, tokenType: 'Basic' });
  // Three chats (three threads) from two customers.
  for (const customer of [sim.customer, sim.createCustomer(), sim.customer]) {
    const res = await fetch(`${sim.url}/v3.6/customer/action/start_chat?organization_id=${sim.organizationId}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${customer.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ chat: { thread: { events: [{ type: 'message', text: 'hi', visibility: 'all' }] } } }),
    });
    if (!res.ok) throw new Error(`start_chat: ${res.status} ${await res.text()}`);
  }
});
afterAll(async () => {
  await sim?.close();
});

const today = () => new Date().toISOString().slice(0, 10);

describe('ReportsWeb against the simulator', () => {
  it('totalChats posts the filters to chats/total_chats and gets the count of chats', async () => {
    const reports = new ReportsWeb(pat, { apiUrl: sim.url });
    sim.clearRequests();
    const filters = { from: `${today()}T00:00:00Z`, to: `${today()}T23:59:59Z` };
    const result = await reports.totalChats({ distribution: 'day', filters });
    expect(result).toMatchObject({ total: 3, records: { [today()]: { total: 3 } } });
    expect(sim.requests({ api: 'reports' })).toEqual([
      expect.objectContaining({
        action: 'chats/total_chats',
        transport: 'web',
        ok: true,
        payload: { distribution: 'day', filters },
      }),
    ]);
  });

  it('every report method reaches a report the simulator serves, at its documented path', async () => {
    const reports = new ReportsWeb(pat, { apiUrl: sim.url });
    const methods: Array<[ReportName, (r: ReportsWeb) => Promise<unknown>]> = [
      ['duration', (r) => r.duration()],
      ['tags', (r) => r.tags()],
      ['total_chats', (r) => r.totalChats()],
      ['ratings', (r) => r.ratings()],
      ['ranking', (r) => r.ranking()],
      ['engagement', (r) => r.engagement()],
      ['greetings_conversion', (r) => r.greetingsConversion()],
      ['forms', (r) => r.forms()],
      ['response_time', (r) => r.responseTime()],
      ['first_response_time', (r) => r.firstResponseTime()],
      ['groups', (r) => r.groups()],
      ['availability', (r) => r.availability()],
      ['performance', (r) => r.performance()],
      ['queued_visitors', (r) => r.queuedVisitors()],
      ['queued_visitors_left', (r) => r.queuedVisitorsLeft()],
      ['chat_usage', (r) => r.chatUsage()],
      ['unique_visitors', (r) => r.uniqueVisitors()],
    ];
    expect(methods.map(([n]) => n).sort()).toEqual(Object.keys(REPORT_PATHS).sort());
    // The simulator logs `stats/unique_visitors` (the docs' curl sample) under `customers/unique_visitors` (the docs' method URL).
    const logged = (path: string) => (path === 'stats/unique_visitors' ? 'customers/unique_visitors' : path);
    // The report names of the docs' response samples (mostly `<name>-report`).
    const reportName = (n: ReportName) =>
      ({ forms: 'form-report', unique_visitors: 'visitors-report', chat_usage: 'tags-chat-usage-report' })[
        n as string
      ] ?? `${REPORT_PATHS[n].split('/')[1]!.replace(/_/g, '-')}-report`;
    for (const [name, call] of methods) {
      sim.clearRequests();
      const result = (await call(reports)) as { name?: unknown };
      expect(result.name, name).toBe(reportName(name));
      expect(
        sim.requests({ api: 'reports' }).map((r) => r.action),
        name,
      ).toEqual([logged(REPORT_PATHS[name])]);
    }
  });

  it('uniqueVisitors also reaches the other documented path with the paths override', async () => {
    const reports = new ReportsWeb(pat, { apiUrl: sim.url, paths: { unique_visitors: 'customers/unique_visitors' } });
    await expect(reports.uniqueVisitors()).resolves.toMatchObject({ name: 'visitors-report' });
  });

  it('a bad credential is an AuthenticationError', async () => {
    const wrong = new ReportsWeb(
      () => ({ accessToken: 'bm9ib2R5Om5vdGhpbmc=', organizationID: sim.organizationId, tokenType: 'Basic' }),
      {
        apiUrl: sim.url,
      },
    );
    const error = await wrong.totalChats().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ type: 'authentication', status: 401, action: 'chats/total_chats' });
  });

  it('filters without a time range are a ValidationError (docs: "exactly one pair of time-based filters")', async () => {
    const reports = new ReportsWeb(pat, { apiUrl: sim.url });
    await expect(reports.totalChats({ filters: { agents: { values: ['smith@example.com'] } } })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it('an undocumented distribution is a ValidationError', async () => {
    const reports = new ReportsWeb(pat, { apiUrl: sim.url });
    await expect(reports.performance({ distribution: 'month' as never })).rejects.toBeInstanceOf(ValidationError);
  });

  it('reports have their documented shapes', async () => {
    const reports = new ReportsWeb(pat, { apiUrl: sim.url });
    expect(Array.isArray((await reports.forms()).records)).toBe(true);
    expect((await reports.uniqueVisitors()).summary).toEqual({
      unique_visitors: expect.any(Number),
      page_views: expect.any(Number),
    });
    expect((await reports.performance()).summary).toMatchObject({ chats_count: 3 });
    expect((await reports.chatUsage()).records).toEqual({});
  });
});
