import { createWebClient, InputError, type RequestOptions, type TokenGetter, type WebClientOptions } from '@lc/core';

/** Options of a Reports client: `paths`, plus everything `@lc/core`'s `createWebClient` takes except `api` and the token getter. */
export interface ReportsClientOptions<Name extends string> extends Omit<WebClientOptions, 'api' | 'tokenGetter'> {
  /**
   * Overrides the `<resource>/<name>` path of a report, e.g.
   * `{ unique_visitors: 'customers/unique_visitors' }` (the docs give two paths for that report).
   */
  paths?: Partial<Record<Name, string>> | undefined;
}

/** What a Reports client (3.6 or 3.7 entry) sends through: by path, or by report name. */
export interface ReportsTransport {
  call<R = unknown>(path: string, payload?: object, options?: RequestOptions): Promise<R>;
  send(name: string, payload: object | undefined, options?: RequestOptions): Promise<unknown>;
}

const PATH = /^[a-z][a-z0-9_]*\/[a-z][a-z0-9_]*$/;

/**
 * The one transport of every Reports client: checks the `paths` overrides against the version's
 * report table, and sends each report as `POST /v<version>/reports/<path>` (idempotent: a report
 * only reads). `wire` is the entry's own version's table, so `apiVersion` defaults to that version
 * and a page of one entry carries no other version's table.
 */
export function reportsTransport(
  tokenGetter: TokenGetter,
  options: ReportsClientOptions<string>,
  reportPaths: Readonly<Record<string, string>>,
  wire: NonNullable<WebClientOptions['wire']>,
): ReportsTransport {
  if (typeof options !== 'object' || options === null) {
    throw new InputError('ReportsWeb options must be an object', { field: 'options' });
  }
  const paths: Record<string, string> = { ...reportPaths };
  if (options.paths !== undefined) {
    if (typeof options.paths !== 'object' || options.paths === null) {
      throw new InputError('paths must be an object of report names to "<resource>/<name>" paths', {
        field: 'paths',
      });
    }
    for (const [name, path] of Object.entries(options.paths)) {
      if (!Object.hasOwn(reportPaths, name)) {
        throw new InputError(`paths: "${name}" is not a Reports API report`, { field: `paths.${name}` });
      }
      if (path === undefined) continue;
      if (typeof path !== 'string' || !PATH.test(path)) {
        throw new InputError(`paths.${name} must look like "chats/duration"`, { field: `paths.${name}` });
      }
      paths[name] = path;
    }
  }
  const { paths: _paths, ...transport } = options;
  const client = createWebClient({
    ...transport,
    api: 'reports',
    tokenGetter,
    wire,
  });
  // Every report only reads (the wire table marks each one re-sendable); so do paths the table does not
  // list: a `paths` override, or a report of a newer version called with `apiVersion`.
  const call = <R>(path: string, payload?: object, callOptions?: RequestOptions): Promise<R> =>
    client.call<R>(path, payload, { ...callOptions, idempotent: true });
  return { call, send: (name, payload, callOptions) => call(paths[name]!, payload, callOptions) };
}

/** What both Reports entries (the 3.6 root and `/v3.7`) are built on: the transport, `call`, and the generated methods' `_call`. */
export abstract class ReportsClient {
  readonly #reports: ReportsTransport;

  constructor(
    tokenGetter: TokenGetter,
    options: ReportsClientOptions<string>,
    reportPaths: Readonly<Record<string, string>>,
    wire: NonNullable<WebClientOptions['wire']>,
  ) {
    this.#reports = reportsTransport(tokenGetter, options, reportPaths, wire);
  }

  /**
   * Sends any report by its path and resolves with the raw parsed response: the escape hatch for
   * reports this version does not type.
   *
   * @param path `<resource>/<name>`, e.g. `chats/duration`.
   * @param payload The request body (wire names: `distribution`, `timezone`, `filters`, ...).
   */
  call<R = unknown>(path: string, payload?: object, options?: RequestOptions): Promise<R> {
    return this.#reports.call<R>(path, payload, options);
  }

  /** @internal The generated methods' transport: maps a report name to its path. */
  protected _call(name: string, payload: object | undefined, options?: RequestOptions): Promise<unknown> {
    return this.#reports.send(name, payload, options);
  }
}
