// The 3.7 entry's types come from the 3.7 spec: its reports exist there, and only there.
import { describe, expectTypeOf, test } from 'vitest';
import type { ReportsWeb as ReportsWeb36 } from '../src/index.js';
import type { AbandonedCartsReport, ReportsWeb, ReportName } from '../src/v3.7.js';

declare const reports: ReportsWeb;
declare const reports36: ReportsWeb36;

describe('@lc/reports/v3.7', () => {
  test('abandoned_carts and visitor_domains are typed reports', () => {
    expectTypeOf(reports.abandonedCarts).returns.resolves.toEqualTypeOf<AbandonedCartsReport>();
    expectTypeOf(reports.visitorDomains)
      .returns.resolves.toHaveProperty('summary')
      .toEqualTypeOf<Record<string, number>>();
    expectTypeOf<'abandoned_carts'>().toMatchTypeOf<ReportName>();
  });

  test('the 3.6 root has neither', () => {
    // @ts-expect-error a 3.7 report
    void reports36.abandonedCarts;
    // @ts-expect-error a 3.7 report
    void reports36.visitorDomains;
  });

  test('visitor_domains takes the customer reports filters (from and to)', () => {
    void reports.visitorDomains({ filters: { from: '2024-10-01T00:00:00-00:00', to: '2024-10-07T23:59:59-00:00' } });
    // @ts-expect-error `to` is required with `from`
    void reports.visitorDomains({ filters: { from: '2024-10-01T00:00:00-00:00' } });
  });
});
