import { AbortError, ApiError, ConnectionError, LcError, TimeoutError } from '../errors/index.js';
import { callHook } from '../hooks/call.js';
import type { ClientHooks, RequestEndInfo, RequestStartInfo } from '../hooks/types.js';
import { regionFrom } from '../region.js';
import { type ClientConfig, type PreparedCall, urlOf } from './request.js';
import { decodeResponse, reportDeprecation } from './response.js';
import { type RetryPolicy, retryDelay } from './retry.js';
import type { Authorization } from './token.js';
import type { Control, RawResponse, Send } from './transport.js';
import type { DeprecationNotice } from './types.js';

/** What the attempts of every call of one client share. */
export interface ClientContext {
  readonly api: string;
  readonly config: ClientConfig;
  readonly send: Send;
  /** The normalised `apiUrl`, for a call that brings its own transport. */
  readonly base: string;
  readonly policy: RetryPolicy;
  readonly authorize:
    | ((requireOrganization: boolean, action: string) => Authorization | Promise<Authorization>)
    | undefined;
  readonly hooks: ClientHooks | undefined;
  readonly onDeprecation: ((notice: DeprecationNotice) => void) | undefined;
  /** The `Legacy`/`Deprecation` notices already reported, by header and action. */
  readonly reported: Set<string>;
  /** The region a `misdirected_request` named: every later request of the client goes there. */
  region: string | undefined;
}

/** One attempt of a call; `done` once it has an outcome. */
interface Attempt extends Control {
  done?: boolean;
  /** The region this attempt was sent to (`X-Region`: the token's, or the one the client follows). */
  region?: string | undefined;
  /** For hooks: when it started (ms) and the response, when one arrived. */
  started?: number;
  response?: RawResponse;
}

/** The region a `misdirected_request` error names, if any. */
function misdirectedTo(error: unknown): string | undefined {
  return error instanceof ApiError && error.type === 'misdirected_request' ? regionFrom(error.data) : undefined;
}

/** A failure as an `LcError`: a network failure keeps its message and error code (never a header). */
function asLcError(error: unknown, action: string): LcError {
  if (error instanceof LcError) return error;
  const code = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  const detail = `${(error as Error)?.message ?? error}${typeof code === 'string' ? ` (${code})` : ''}`;
  return new ConnectionError(`Request failed: ${detail}`, { action, cause: error });
}

/** What every hook of one attempt receives (never a token; the payload only with `includePayloads`). */
function hookInfo(ctx: ClientContext, call: PreparedCall, attempt: number): RequestStartInfo {
  const info = { api: ctx.api, transport: 'web' as const, action: call.action, version: call.version, attempt };
  return ctx.hooks!.includePayloads ? { ...info, payload: call.payload } : info;
}

function endInfo(
  ctx: ClientContext,
  call: PreparedCall,
  number: number,
  attempt: Attempt,
  outcome: { error?: LcError | undefined; value?: unknown; delay?: number | undefined },
): RequestEndInfo {
  const { response } = attempt;
  const info: { -readonly [K in keyof RequestEndInfo]: RequestEndInfo[K] } = {
    ...hookInfo(ctx, call, number),
    duration: Date.now() - attempt.started!,
  };
  if (response) info.status = response.status;
  const requestId = response?.headers.get('x-request-id');
  const debugId = response?.headers.get('x-debug-id');
  if (requestId) info.requestId = requestId;
  if (debugId) info.debugId = debugId;
  if (outcome.error) info.error = outcome.error;
  if (outcome.delay !== undefined) info.retryDelay = outcome.delay;
  if (!outcome.error && ctx.hooks!.includePayloads) info.response = outcome.value;
  return info;
}

/** How far one call has got with re-sending. */
interface RetryState {
  retries: number;
  /** Whether the call already followed a `misdirected_request` to another region. */
  redirected: boolean;
}

/**
 * Milliseconds until the next attempt after `error`, or undefined to give up: at once to the region a
 * `misdirected_request` names (once per call, never to the region the attempt went to), else what
 * the retry policy says.
 */
function delayBeforeNext(
  ctx: ClientContext,
  call: PreparedCall,
  state: RetryState,
  error: LcError,
  sentTo: string | undefined,
): number | undefined {
  const region = misdirectedTo(error);
  if (region && !state.redirected && region !== sentTo) {
    state.redirected = true;
    ctx.region = region;
    return 0;
  }
  const retry = { readOnly: call.readOnly, retries: state.retries++, now: Date.now(), random: Math.random() };
  return retryDelay(ctx.policy, error, retry);
}

/**
 * Runs the attempts of one call until it settles: each attempt is bounded by the call's timeout
 * (and its signal), whatever the token getter and the transport do. A failed attempt is re-sent
 * when the retry policy allows it, or once to the region a `misdirected_request` names (the
 * platform refused it unprocessed, so this is safe for writes too).
 */
export function runCall(
  ctx: ClientContext,
  call: PreparedCall,
  resolve: (value: unknown) => void,
  reject: (error: unknown) => void,
): void {
  const { action, signal } = call;
  const retrying: RetryState = { retries: 0, redirected: false };
  let attempts = 0;
  /** The current attempt's timeout, or the wait before the next attempt. */
  let timer: ReturnType<typeof setTimeout>;
  let current: Attempt;
  const end = (error: LcError | undefined, value?: unknown): void => {
    signal?.removeEventListener('abort', onAbort);
    if (error) reject(error);
    else resolve(value);
  };
  // Ends the call first (the caller gets its error), then cancels whatever the transport still does.
  const onAbort = (): void => {
    current.done = true;
    clearTimeout(timer);
    end(new AbortError({ action, cause: signal!.reason }));
    current.abort?.(signal!.reason);
  };
  const settle = (attempt: Attempt, error: LcError | undefined, value?: unknown): void => {
    if (attempt.done) return;
    attempt.done = true;
    clearTimeout(timer);
    const delay = error ? delayBeforeNext(ctx, call, retrying, error, attempt.region) : undefined;
    if (ctx.hooks) callHook(ctx.hooks, 'onRequestEnd', endInfo(ctx, call, attempts, attempt, { error, value, delay }));
    if (delay === undefined) end(error, value);
    else timer = setTimeout(start, delay);
  };
  const start = (): void => {
    const attempt: Attempt = (current = { action, onProgress: call.onProgress });
    attempts++;
    const fail = (error: unknown): void => settle(attempt, asLcError(error, action));
    timer = setTimeout(() => {
      const error = new TimeoutError(call.timeout, { action });
      settle(attempt, error);
      attempt.abort?.(error);
    }, call.timeout);
    const go = (authorization: Authorization | undefined): void =>
      sendAttempt(ctx, call, attempt, attempts, authorization, (value) => settle(attempt, undefined, value), fail);
    try {
      if (!call.auth && !call.requireOrganization) return go(undefined);
      const authorization = ctx.authorize!(call.requireOrganization, action);
      if (authorization instanceof Promise) authorization.then(go).catch(fail);
      else go(authorization);
    } catch (error) {
      fail(error);
    }
  };
  signal?.addEventListener('abort', onAbort);
  start();
}

/** Sends one attempt (unless it already ended while the token getter ran) and decodes its answer. */
function sendAttempt(
  ctx: ClientContext,
  call: PreparedCall,
  attempt: Attempt,
  number: number,
  authorization: Authorization | undefined,
  succeed: (value: unknown) => void,
  fail: (error: unknown) => void,
): void {
  // Timed out or aborted while the getter ran: send nothing (the caller has its error).
  if (attempt.done) return;
  // A call without `Authorization` may still use a token: for the organization in its query.
  let headers =
    !call.auth || !authorization
      ? call.headers
      : call.headers === ctx.config.jsonHeaders
        ? authorization.json
        : { ...call.headers, ...authorization.headers };
  if (ctx.region) headers = { ...headers, 'x-region': ctx.region };
  attempt.region = headers['x-region'];
  if (ctx.hooks) {
    attempt.started = Date.now();
    callHook(ctx.hooks, 'onRequestStart', hookInfo(ctx, call, number));
  }
  const path = urlOf(call, ctx.config, authorization?.organizationID);
  const send = call.transport ? call.transport(ctx.base) : ctx.send;
  send(call.method, path, headers, call.body, attempt).then((response) => {
    try {
      attempt.response = response;
      if (ctx.onDeprecation)
        reportDeprecation(ctx.onDeprecation, ctx.reported, response.headers, call.action, call.version);
      succeed(decodeResponse(response, call.action));
    } catch (error) {
      fail(error);
    }
  }, fail);
}
