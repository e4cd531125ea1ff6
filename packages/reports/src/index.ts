import { ReportsWeb } from './web.js';

export { ReportsWeb, type ReportsWebOptions, type ReportName } from './web.js';
export { REPORT_PATHS } from './generated/methods.js';
export type * from './types/index.js';
export type * from './generated/requests.js';

/** The Reports API namespace: `new Reports.Web(tokenGetter)`, same as `new ReportsWeb(tokenGetter)`. */
export const Reports = { Web: ReportsWeb } as const;
