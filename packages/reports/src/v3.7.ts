// `@lc/reports/v3.7`: the Reports API 3.7 (developer preview), typed from the 3.7 spec. The package
// root stays 3.6; this entry carries no 3.6 table (its own report paths and methods).
import type { TokenGetter } from '@lc/core';
import { REPORT_PATHS, ReportsMethods } from './generated/v3.7/methods.js';
import { REPORTS_WIRE_3_7 } from './generated/wire.js';
import { ReportsClient, type ReportsClientOptions } from './transport.js';

export { REPORT_PATHS } from './generated/v3.7/methods.js';
export type * from './generated/v3.7/requests.js';
export type * from './types/index.js';

/** A Reports API 3.7 report's name, e.g. `abandoned_carts`. */
export type ReportName = keyof typeof REPORT_PATHS;

/** Options of the 3.7 {@link ReportsWeb}; `apiVersion` defaults to `3.7`. */
export type ReportsWebOptions = ReportsClientOptions<ReportName>;

/**
 * The Reports API 3.7 over HTTP: the 3.6 reports plus `abandoned_carts` (`sales/`) and
 * `visitor_domains` (`stats/`), each `POST /v3.7/reports/<resource>/<name>`.
 *
 * @example
 * ```ts
 * import { ReportsWeb } from '@lc/reports/v3.7';
 *
 * const reports = new ReportsWeb(tokenGetter);
 * const { summary } = await reports.abandonedCarts({ distribution: 'day', filters: { from, to } });
 * ```
 * @see https://platform.text.com/docs/data-reporting/reports-api/v3.7
 */
export class ReportsWeb extends /* @__PURE__ */ ReportsMethods(ReportsClient) {
  /**
   * @param tokenGetter Called before every request (a PAT getter from `@lc/pat`, or your own).
   * @param options Transport options (`apiVersion` default `3.7`) and path overrides.
   */
  constructor(tokenGetter: TokenGetter, options: ReportsWebOptions = {}) {
    super(tokenGetter, options, REPORT_PATHS, REPORTS_WIRE_3_7);
  }
}

/** The Reports API 3.7 namespace: `new Reports.Web(tokenGetter)`. */
export const Reports = { Web: ReportsWeb } as const;
