import { InputError } from '@lc/core';
import type { WebhookAction } from './actions.js';
import { readFetchBody, readNodeBody, tooLarge, utf8Length } from './body.js';
import { WebhookError } from './errors.js';
import { decodeJson, isRecord, toWebhook } from './parse.js';
import type { Webhook, WebhookOf } from './types.js';
import { encodeSecrets, matchesAnySecret } from './verify.js';

/** Default {@link WebhookHandlerOptions.maxBodySize}: 1 MiB. */
export const DEFAULT_MAX_BODY_SIZE = 1024 * 1024;

/** Your functions, one per action; each receives the webhook of that action, fully typed. */
export type WebhookHandlers = {
  [A in WebhookAction]?: (webhook: WebhookOf<A>) => unknown;
};

/** Options of {@link createWebhookHandler}. */
export interface WebhookHandlerOptions {
  /**
   * The `secret_key` you registered the webhooks with. Pass several while rotating: a webhook
   * matching any of them is accepted. Compared in constant time.
   */
  secret: string | readonly string[];
  /** Handlers by action. A webhook is answered once its handler's promise settles. */
  on?: WebhookHandlers | undefined;
  /**
   * Called for a verified webhook with no handler in `on`, including actions this SDK version
   * does not know. Without it such webhooks are acknowledged (200) and dropped.
   */
  fallback?: ((webhook: Webhook) => unknown) | undefined;
  /**
   * Told about every request that is not answered 200: bad method, oversize, bad JSON, not a
   * webhook, wrong or missing secret, and (with your error as `cause`) a handler that threw or
   * rejected. Errors thrown here are ignored. The secret and the body are never in the error.
   */
  onError?: ((error: WebhookError) => unknown) | undefined;
  /** Largest body accepted, in bytes (default 1 MiB); larger ones get 413 without being read further. */
  maxBodySize?: number | undefined;
}

/** An answer of {@link WebhookHandler.handle}, for frameworks the adapters do not cover. */
export interface WebhookResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Input of {@link WebhookHandler.handle}. */
export interface WebhookRequest {
  /** HTTP method; anything but `POST` is answered 405. Omit when already routed as POST. */
  method?: string | undefined;
  /** The raw body (text or bytes) or the body a framework already parsed. */
  body: unknown;
}

/**
 * The smallest Node request the adapter uses: `http.IncomingMessage`, Express's and Connect's
 * `req`. A `body` a framework already read (`express.json()`, `express.raw()`, `express.text()`)
 * is used as it is; otherwise the stream is read. A stream that another middleware already read
 * without setting `req.body` gets a 400 `unreadable_body` answer. Fastify reads the body before the
 * route runs and keeps it on its own `request.body`: use `.handle({ method, body: request.body })` there.
 */
export interface NodeRequestLike {
  method?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
  readableEnded?: boolean;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  on(event: string, listener: (...args: any[]) => void): unknown;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  removeListener?(event: string, listener: (...args: any[]) => void): unknown;
  pause?(): unknown;
}

/** The smallest Node response the adapter uses: `http.ServerResponse`, Express's `res`. */
export interface NodeResponseLike {
  statusCode: number;
  headersSent?: boolean;
  setHeader(name: string, value: string): unknown;
  end(body?: string): unknown;
}

/**
 * A webhook endpoint, usable in three ways:
 *
 * - as a Node `(req, res)` handler (itself, or `.node`): `http.createServer(handler)`,
 *   `app.post('/webhooks', handler)` (Express; with or without `express.json()`);
 * - as a fetch handler `.fetch(request) → Promise<Response>`: Next.js route handlers
 *   (`export const POST = handler.fetch`), Bun, Deno, Cloudflare Workers, Hono;
 * - as `.handle({ method, body }) → Promise<{ status, headers, body }>` for anything else
 *   (Fastify: `reply.code(r.status).headers(r.headers).send(r.body)`).
 *
 * Answers: 200 handled (or no handler for the action), 400 bad JSON or not a webhook, 401 wrong
 * or missing secret (no handler runs), 405 not POST, 413 body over `maxBodySize`, 500 your handler
 * threw or rejected. Never rejects, never throws.
 */
export interface WebhookHandler {
  (req: NodeRequestLike, res: NodeResponseLike): Promise<void>;
  /** The Node `(req, res)` handler (the same function as the handler itself). */
  readonly node: (req: NodeRequestLike, res: NodeResponseLike) => Promise<void>;
  /** The fetch-style handler; needs no `this`, so it can be passed around detached. */
  readonly fetch: (request: Request) => Promise<Response>;
  /** The runtime-neutral core both adapters use. */
  readonly handle: (request: WebhookRequest) => Promise<WebhookResponse>;
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

function respond(status: number, body: unknown, extra: Record<string, string> = {}): WebhookResponse {
  return { status, headers: { ...JSON_HEADERS, ...extra }, body: JSON.stringify(body) };
}

function errorResponse(error: WebhookError): WebhookResponse {
  const extra: Record<string, string> = {};
  if (error.reason === 'method_not_allowed') extra.allow = 'POST';
  if (error.reason === 'body_too_large') extra.connection = 'close';
  return respond(error.status, { error: { reason: error.reason, message: error.message } }, extra);
}

/** The options once checked: what the endpoint works with. */
interface EndpointConfig {
  secrets: ReturnType<typeof encodeSecrets>;
  maxBodySize: number;
  on: Record<string, unknown>;
  fallback: ((webhook: Webhook) => unknown) | undefined;
  onError: ((error: WebhookError) => unknown) | undefined;
}

/** The runtime-neutral endpoint the Node and fetch adapters share. */
interface Endpoint {
  handle: (request: WebhookRequest) => Promise<WebhookResponse>;
  /** Tells `onError` and builds the error answer. */
  fail: (error: WebhookError) => WebhookResponse;
  maxBodySize: number;
}

/**
 * Builds a webhook endpoint that checks the secret (constant time), parses the envelope leniently
 * and calls your handler for the action.
 *
 * ```ts
 * const handler = createWebhookHandler({
 *   secret: process.env.LC_WEBHOOK_SECRET!,
 *   on: {
 *     incoming_chat: (w) => console.log('new chat', w.payload.chat.id),
 *     incoming_event: async (w) => store(w.payload.event),
 *   },
 *   onError: (e) => console.warn(e.reason, e.message),
 * });
 * http.createServer(handler).listen(3000);      // Node
 * export const POST = handler.fetch;             // Next.js / edge
 * ```
 *
 * @throws {InputError} for a missing or empty secret, a bad `maxBodySize`, or a handler that is
 * not a function.
 * @see https://platform.text.com/docs/management/webhooks/v3.6
 */
export function createWebhookHandler(options: WebhookHandlerOptions): WebhookHandler {
  const endpoint = createEndpoint(checkOptions(options));
  const node = nodeAdapter(endpoint);
  const handler = ((req: NodeRequestLike, res: NodeResponseLike) => node(req, res)) as WebhookHandler;
  Object.defineProperties(handler, {
    node: { value: node, enumerable: true },
    fetch: { value: fetchAdapter(endpoint), enumerable: true },
    handle: { value: endpoint.handle, enumerable: true },
  });
  return handler;
}

/** Checks the caller's options before any request is served. */
function checkOptions(options: WebhookHandlerOptions): EndpointConfig {
  if (!isRecord(options)) throw new InputError('createWebhookHandler needs an options object', { field: 'options' });
  const secrets = encodeSecrets(options.secret);
  const maxBodySize = options.maxBodySize ?? DEFAULT_MAX_BODY_SIZE;
  if (!Number.isSafeInteger(maxBodySize) || maxBodySize <= 0) {
    throw new InputError('maxBodySize must be a positive integer (bytes)', { field: 'maxBodySize' });
  }
  if (options.on !== undefined && !isRecord(options.on)) {
    throw new InputError('`on` must be an object of handlers', { field: 'on' });
  }
  const on: Record<string, unknown> = { ...options.on };
  for (const [action, fn] of Object.entries(on)) {
    if (fn !== undefined && typeof fn !== 'function') {
      throw new InputError(`The handler for ${action} must be a function`, { field: `on.${action}` });
    }
  }
  const { fallback, onError } = options;
  if (fallback !== undefined && typeof fallback !== 'function') {
    throw new InputError('fallback must be a function', { field: 'fallback' });
  }
  if (onError !== undefined && typeof onError !== 'function') {
    throw new InputError('onError must be a function', { field: 'onError' });
  }
  return { secrets, maxBodySize, on, fallback, onError };
}

function createEndpoint(config: EndpointConfig): Endpoint {
  const { secrets, maxBodySize, on, fallback, onError } = config;
  const report = (error: WebhookError): void => {
    if (!onError) return;
    try {
      const r = onError(error) as { then?: unknown } | undefined;
      if (r && typeof r.then === 'function') (r as Promise<unknown>).then(undefined, () => {});
    } catch {
      // onError must never break the endpoint.
    }
  };
  const fail = (error: WebhookError): WebhookResponse => {
    report(error);
    return errorResponse(error);
  };

  const dispatch = async (webhook: Webhook): Promise<WebhookResponse> => {
    const own = Object.hasOwn(on, webhook.action) ? on[webhook.action] : undefined;
    const fn = (typeof own === 'function' ? own : fallback) as ((w: Webhook) => unknown) | undefined;
    if (fn) {
      try {
        await fn(webhook);
      } catch (cause) {
        return fail(
          new WebhookError('handler_failed', `Webhook handler for ${webhook.action} failed`, {
            cause,
            action: webhook.action,
            webhookId: webhook.webhook_id,
          }),
        );
      }
    }
    return respond(200, { ok: true });
  };

  const handle = async (request: WebhookRequest): Promise<WebhookResponse> => {
    try {
      const method = request.method?.toUpperCase();
      if (method !== undefined && method !== 'POST') {
        return fail(new WebhookError('method_not_allowed', `Webhooks are sent with POST, not ${method.slice(0, 16)}`));
      }
      const value = decodeBody(request.body, maxBodySize);
      // Authenticate before anything else is looked at.
      const refused = checkSecret(value, secrets);
      if (refused) return fail(refused);
      return await dispatch(toWebhook(value));
    } catch (error) {
      if (error instanceof WebhookError) return fail(error);
      // Not reachable by design; answer rather than crash.
      return fail(new WebhookError('handler_failed', 'Webhook handling failed', { cause: error }));
    }
  };
  return { handle, fail, maxBodySize };
}

/**
 * The body as a JSON object: text and bytes are decoded, a body a framework parsed is taken as it is.
 * @throws {WebhookError} when it is too large, empty, not JSON or not an object.
 */
function decodeBody(body: unknown, maxBodySize: number): Record<string, unknown> {
  let value: unknown;
  if (typeof body === 'string') {
    if (utf8Length(body, maxBodySize) > maxBodySize) throw tooLarge(maxBodySize);
    value = decodeJson(body);
  } else if (body instanceof Uint8Array || body instanceof ArrayBuffer) {
    if (body.byteLength > maxBodySize) throw tooLarge(maxBodySize);
    value = decodeJson(body);
  } else if (body === undefined || body === null) {
    throw new WebhookError('invalid_json', 'Webhook body is empty');
  } else {
    value = body;
  }
  if (!isRecord(value)) throw new WebhookError('not_a_webhook', 'Body is not a webhook envelope: not a JSON object');
  return value;
}

/** The `unauthorized` error when the envelope's `secret_key` matches none of the secrets. */
function checkSecret(envelope: Record<string, unknown>, secrets: EndpointConfig['secrets']): WebhookError | undefined {
  if (matchesAnySecret(envelope.secret_key, secrets)) return undefined;
  const missing = typeof envelope.secret_key !== 'string' || envelope.secret_key === '';
  return new WebhookError('unauthorized', missing ? 'Webhook has no secret_key' : 'Webhook secret_key does not match', {
    field: 'secret_key',
  });
}

/** The Node `(req, res)` handler: takes a body a framework already parsed, or reads the stream. */
function nodeAdapter({ handle, fail, maxBodySize }: Endpoint) {
  return async (req: NodeRequestLike, res: NodeResponseLike): Promise<void> => {
    let result: WebhookResponse;
    try {
      const method = typeof req.method === 'string' ? req.method.toUpperCase() : undefined;
      if (method !== undefined && method !== 'POST') {
        result = await handle({ method, body: undefined });
      } else {
        const preParsed = req.body;
        // express.json() leaves `{}` and the stream unread when the content type did not match.
        const unreadEmpty = isRecord(preParsed) && Object.keys(preParsed).length === 0 && req.readableEnded === false;
        if (preParsed !== undefined && !unreadEmpty) {
          result = await handle({ body: preParsed });
        } else {
          const body = await readNodeBody(req, maxBodySize);
          result = body instanceof WebhookError ? fail(body) : await handle({ body });
        }
      }
    } catch (error) {
      result = fail(new WebhookError('handler_failed', 'Webhook handling failed', { cause: error }));
    }
    try {
      if (res.headersSent) return;
      res.statusCode = result.status;
      for (const [name, value] of Object.entries(result.headers)) res.setHeader(name, value);
      res.end(result.body);
    } catch {
      // The connection is gone; nothing left to answer.
    }
  };
}

/** The fetch-style `(Request) => Response` handler. */
function fetchAdapter({ handle, fail, maxBodySize }: Endpoint) {
  return async (request: Request): Promise<Response> => {
    let result: WebhookResponse;
    try {
      const method = request.method.toUpperCase();
      if (method !== 'POST') {
        request.body?.cancel().catch(() => {});
        result = await handle({ method, body: undefined });
      } else {
        const body = await readFetchBody(request, maxBodySize);
        result = body instanceof WebhookError ? fail(body) : await handle({ body });
      }
    } catch (error) {
      result = fail(new WebhookError('handler_failed', 'Webhook handling failed', { cause: error }));
    }
    return new Response(result.body, { status: result.status, headers: result.headers });
  };
}
