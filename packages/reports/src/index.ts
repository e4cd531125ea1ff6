import { ReportsWeb } from './web.js';

export { ReportsWeb, type ReportsWebOptions, type ReportName } from './web.js';
export { REPORT_PATHS } from './generated/methods.js';
export type * from './types/index.js';
export type * from './generated/requests.js';
// The wire facts of every action per API version, generated from the docs (src/generated/wire.ts).
export { REPORTS_WIRE } from './generated/wire.js';

/** The Reports API namespace: `new Reports.Web(tokenGetter)`, same as `new ReportsWeb(tokenGetter)`. */
export const Reports = { Web: ReportsWeb } as const;
