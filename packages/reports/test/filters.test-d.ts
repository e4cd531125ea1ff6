// The docs: "If filters are provided, they must contain exactly one time-based filter (filters.from/to)"
// for the Agents and Customers reports; `exists` works only in the Chats reports.
import { assertType, test } from 'vitest';
import type { AgentsReportFilters, CustomersReportFilters } from '../src/types/index.js';

test('Agents and Customers report filters need from and to', () => {
  assertType<AgentsReportFilters>({
    from: '2021-04-08T00:00:00Z',
    to: '2021-04-15T00:00:00Z',
    agents: { values: ['a@b.c'] },
  });
  // @ts-expect-error no time range
  assertType<AgentsReportFilters>({ agents: { values: ['a@b.c'] } });
  // @ts-expect-error `to` missing
  assertType<CustomersReportFilters>({ from: '2021-04-08T00:00:00Z' });
  const range = { from: '2021-04-08T00:00:00Z', to: '2021-04-15T00:00:00Z' };
  // @ts-expect-error `exists` only in the Chats reports
  assertType<AgentsReportFilters>({ ...range, agents: { exists: false } });
});
