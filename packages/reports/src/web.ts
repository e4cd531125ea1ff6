import type { TokenGetter } from '@lc/core';
import { REPORT_PATHS, ReportsMethods } from './generated/methods.js';
import { REPORTS_WIRE_3_6 } from './generated/wire.js';
import { ReportsClient, type ReportsClientOptions } from './transport.js';

/** A report's name (the method name in the docs), e.g. `duration`, `unique_visitors`. */
export type ReportName = keyof typeof REPORT_PATHS;

/** Options of {@link ReportsWeb}: `paths` (default {@link REPORT_PATHS}), plus everything `@lc/core`'s `createWebClient` takes except `api` and the token getter. */
export type ReportsWebOptions = ReportsClientOptions<ReportName>;

/**
 * The Reports API 3.6 over HTTP: 17 reports, each `POST /v3.6/reports/<resource>/<name>` with the
 * docs' filters as the JSON body (scope `reports_read`).
 *
 * @example
 * ```ts
 * import { ReportsWeb } from '@lc/reports';
 * import { tokenGetterFromPAT } from '@lc/pat';
 *
 * const reports = new ReportsWeb(tokenGetterFromPAT(accountId, pat));
 * const { total, records } = await reports.totalChats({
 *   distribution: 'day',
 *   filters: { from: '2021-04-08T00:00:00-00:00', to: '2021-04-15T23:59:59-00:00' },
 * });
 * ```
 * @see https://platform.text.com/docs/data-reporting/reports-api
 */
export class ReportsWeb extends /* @__PURE__ */ ReportsMethods(ReportsClient) {
  /**
   * @param tokenGetter Called before every request (a PAT getter from `@lc/pat`, or your own).
   * @param options Transport options and path overrides, see {@link ReportsWebOptions}.
   */
  constructor(tokenGetter: TokenGetter, options: ReportsWebOptions = {}) {
    super(tokenGetter, options, REPORT_PATHS, REPORTS_WIRE_3_6);
  }
}
