import { expectTypeOf, test } from 'vitest';
import type { Token } from '@lc/core';
import {
  ReportsWeb,
  type DurationReport,
  type PerformanceReport,
  type QueuedVisitorsLeftReport,
} from '../src/index.js';

const reports = new ReportsWeb((): Token => ({ accessToken: 't', organizationID: 'o', tokenType: 'Basic' }));

test('docs-style filters are accepted', () => {
  void reports.duration({
    distribution: 'day',
    filters: { from: '2021-04-08T00:00:00-00:00', to: '2021-04-15T23:59:59-00:00' },
  });
  void reports.totalChats({
    filters: {
      from: '2021-01-01T00:00:00-00:00',
      to: '2021-04-15T23:59:59-00:00',
      properties: { routing: { continuous: { values: [true] } } },
      agents: { values: ['joe@acme.com', 'alice@acme.com'] },
      tags: { exclude_values: ['spam'] },
      event_types: { values: ['file'] },
      forms: [
        {
          type: 'pre_chat',
          from: '2021-01-01T00:00:00-00:00',
          to: '2021-04-15T23:59:59-00:00',
          values: ['163672098710307655:0'],
          groups: { values: [10] },
        },
        { type: 'post_chat', exclude_values: ['183672098710307678:1'] },
      ],
    },
  });
  void reports.greetingsConversion({
    distribution: 'day',
    filters: {
      greetings: { from: '2021-04-08T00:00:00-00:00', to: '2021-04-15T23:59:59-00:00', groups: { values: [1] } },
    },
  });
  void reports.queuedVisitorsLeft({ page: 2 });
  void reports.chatUsage({ filters: { groups: { values: [0, 42] } } });
  void reports.availability({ distribution: 'hour' });
});

test('wrong filters are compile errors', () => {
  // @ts-expect-error agents reports have no month distribution
  void reports.performance({ distribution: 'month' });
  // @ts-expect-error group IDs are numbers
  void reports.duration({ filters: { groups: { values: ['1'] } } });
  // @ts-expect-error a form filter needs its type
  void reports.forms({ filters: { forms: [{ values: ['x'] }] } });
  // @ts-expect-error unique_visitors takes only from/to
  void reports.uniqueVisitors({ filters: { agents: { values: ['a'] } } });
});

test('responses are typed', () => {
  expectTypeOf(reports.duration()).resolves.toEqualTypeOf<DurationReport>();
  expectTypeOf(reports.performance()).resolves.toEqualTypeOf<PerformanceReport>();
  expectTypeOf(reports.queuedVisitorsLeft()).resolves.toEqualTypeOf<QueuedVisitorsLeftReport>();
});
