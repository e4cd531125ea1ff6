// @ts-check
// The SDK's client hooks (`hooks` in the options of every Web and RTM client) as OpenTelemetry spans:
// one CLIENT span per request attempt, named `livechat <api> <action>`, with the API version, the
// attempt, the HTTP status, the platform's request id and the retry delay as attributes, and the
// error type as the span status when the attempt failed. RTM state changes become span events
// on a short `livechat <api> rtm` span. The hooks receive no token and, unless asked, no payload,
// so nothing secret reaches the traces.
//
// `@opentelemetry/api` is a dependency of this example only; the SDK itself never depends on it.
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

/**
 * @typedef {object} OtelHooksOptions
 * @property {import('@opentelemetry/api').Tracer} [tracer] default: `trace.getTracer('@lc')`
 *   (a no-op until the application registers a tracer provider)
 */

/**
 * Hooks that trace every request of a client.
 *
 * ```js
 * const agent = new AgentWeb(getToken, { hooks: otelHooks() });
 * const rtm = new AgentRTM(WebSocket, getToken, { hooks: rtmHooks(otelHooks()) }); // rtmHooks from @lc/core
 * ```
 * @param {OtelHooksOptions} [options]
 * @returns {import('@lc/core').ClientHooks}
 */
export function otelHooks(options = {}) {
  const tracer = options.tracer ?? trace.getTracer('@lc');
  return {
    // The span is made when the attempt ends, backdated by its duration: no bookkeeping that could
    // pair a start with the wrong end when the same action runs twice at once.
    onRequestEnd(info) {
      const end = Date.now();
      const span = tracer.startSpan(`livechat ${info.api} ${info.action}`, {
        kind: SpanKind.CLIENT,
        startTime: end - info.duration,
        attributes: attributesOf(info),
      });
      if (info.error) {
        span.setAttribute('error.type', errorType(info.error));
        span.setStatus({ code: SpanStatusCode.ERROR, message: info.error.message });
      }
      span.end(end);
    },
    onStateChange(info) {
      const span = tracer.startSpan(`livechat ${info.api} rtm`, { kind: SpanKind.CLIENT });
      span.addEvent('rtm.state_change', { 'lc.rtm.from': info.from, 'lc.rtm.to': info.to });
      span.end();
    },
  };
}

/**
 * @param {import('@lc/core').RequestEndInfo} info
 * @returns {import('@opentelemetry/api').Attributes}
 */
function attributesOf(info) {
  /** @type {import('@opentelemetry/api').Attributes} */
  const attributes = {
    'lc.api': info.api,
    'lc.transport': info.transport,
    'lc.action': info.action,
    'lc.api_version': info.version,
    'lc.attempt': info.attempt,
  };
  if (info.status !== undefined) attributes['http.response.status_code'] = info.status;
  if (info.requestId) attributes['lc.request_id'] = info.requestId;
  if (info.debugId) attributes['lc.debug_id'] = info.debugId;
  if (info.retryDelay !== undefined) attributes['lc.retry_delay_ms'] = info.retryDelay;
  return attributes;
}

/**
 * The platform's error type (`not_found`, …) or the SDK error's name (`TimeoutError`, …).
 * @param {import('@lc/core').LcError} error
 */
function errorType(error) {
  const type = /** @type {{ type?: unknown }} */ (error).type;
  return typeof type === 'string' ? type : error.name;
}
