// Configuration API batches: `batch_<x>` runs `<x>` once per request.
import type { RequestContext } from '../context.js';
import type { Handler } from '../dispatch.js';
import { invalid, SimError } from '../errors.js';
import type { Platform } from '../platform.js';
import { isObject } from '../util.js';

type Payload = Record<string, unknown>;

/** `batch_<x>`: runs `<x>` for each of `requests`, concurrently; errors go into the item's slot. */
function batch(single: Handler) {
  return async (ctx: RequestContext, payload: Payload, p: Platform): Promise<unknown> => {
    if (!Array.isArray(payload.requests)) throw invalid('Wrong format of request: "requests" must be an array');
    const responses = await Promise.all(
      payload.requests.map(async (req) => {
        try {
          if (!isObject(req)) throw invalid('Wrong format of request: each request must be an object');
          return (await single(ctx, req, p)) ?? {};
        } catch (err) {
          if (err instanceof SimError) return err.toBody();
          throw err;
        }
      }),
    );
    return { responses };
  };
}

/** The single actions that have a `batch_<action>s` twin. */
const BATCHED = [
  'create_agent',
  'update_agent',
  'delete_agent',
  'suspend_agent',
  'unsuspend_agent',
  'approve_agent',
  'create_bot',
  'update_bot',
  'delete_bot',
];

/** The `batch_<x>` handlers of `single`'s handlers (`batch_update_translations` is named after its single action). */
export function batchHandlers(single: Record<string, Handler>): Record<string, Handler> {
  const out: Record<string, Handler> = {};
  for (const name of BATCHED) out[`batch_${name}s`] = batch(single[name]!);
  out.batch_update_translations = batch(single.update_translations!);
  return out;
}
