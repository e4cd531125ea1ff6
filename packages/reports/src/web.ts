import {
  createWebClient,
  InputError,
  type RequestOptions,
  type TokenGetter,
  type WebClient,
  type WebClientOptions,
} from '@lc/core';
import { REPORT_PATHS, ReportsMethods } from './generated/methods.js';
import { REPORTS_WIRE } from './generated/wire.js';

/** A report's name (the method name in the docs), e.g. `duration`, `unique_visitors`. */
export type ReportName = keyof typeof REPORT_PATHS;

/** Options of {@link ReportsWeb}: `paths`, plus everything `@lc/core`'s `createWebClient` takes except `api` and the token getter. */
export interface ReportsWebOptions extends Omit<WebClientOptions, 'api' | 'tokenGetter'> {
  /**
   * Overrides the `<resource>/<name>` path of a report, e.g.
   * `{ unique_visitors: 'customers/unique_visitors' }` (the docs give two paths for that report;
   * the default is {@link REPORT_PATHS}).
   */
  paths?: Partial<Record<ReportName, string>> | undefined;
}

const PATH = /^[a-z][a-z0-9_]*\/[a-z][a-z0-9_]*$/;

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
export class ReportsWeb extends ReportsMethods {
  readonly #client: WebClient;
  readonly #paths: Readonly<Record<string, string>>;

  /**
   * @param tokenGetter Called before every request (a PAT getter from `@lc/pat`, or your own).
   * @param options Transport options and path overrides, see {@link ReportsWebOptions}.
   */
  constructor(tokenGetter: TokenGetter, options: ReportsWebOptions = {}) {
    super();
    if (typeof options !== 'object' || options === null) {
      throw new InputError('ReportsWeb options must be an object', { field: 'options' });
    }
    const paths: Record<string, string> = { ...REPORT_PATHS };
    if (options.paths !== undefined) {
      if (typeof options.paths !== 'object' || options.paths === null) {
        throw new InputError('paths must be an object of report names to "<resource>/<name>" paths', {
          field: 'paths',
        });
      }
      for (const [name, path] of Object.entries(options.paths)) {
        if (!Object.hasOwn(REPORT_PATHS, name)) {
          throw new InputError(`paths: "${name}" is not a Reports API report`, { field: `paths.${name}` });
        }
        if (path === undefined) continue;
        if (typeof path !== 'string' || !PATH.test(path)) {
          throw new InputError(`paths.${name} must look like "chats/duration"`, { field: `paths.${name}` });
        }
        paths[name] = path;
      }
    }
    this.#paths = paths;
    const { paths: _paths, ...transport } = options;
    this.#client = createWebClient({ ...transport, api: 'reports', tokenGetter, wire: REPORTS_WIRE });
  }

  /**
   * Sends any report by its path and resolves with the raw parsed response: the escape hatch for
   * reports this version does not type (e.g. `3.7`'s `sales/abandoned_carts`).
   *
   * @param path `<resource>/<name>`, e.g. `chats/duration`.
   * @param payload The request body (wire names: `distribution`, `timezone`, `filters`, ...).
   */
  call<R = unknown>(path: string, payload?: object, options?: RequestOptions): Promise<R> {
    // Every report only reads (the wire table marks each one re-sendable); so do paths the table does not
    // list: a `paths` override, or a report of a newer version called with `apiVersion`.
    return this.#client.call<R>(path, payload, { ...options, idempotent: true });
  }

  /** @internal The generated methods' transport: maps a report name to its path. */
  protected _call(name: string, payload: object | undefined, options?: RequestOptions): Promise<unknown> {
    return this.call(this.#paths[name]!, payload, options);
  }
}
