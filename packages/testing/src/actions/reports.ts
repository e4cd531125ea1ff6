// Reports API: every documented report answers a small canned report built from the simulator's chats.
import type { RequestContext } from '../context.js';
import type { Handler, HandlerTable } from '../dispatch.js';
import type { Platform } from '../platform.js';
import { METHODS } from '../spec-data.js';

function report(path: string): Handler {
  const name = path.split('/')[1]!;
  return (_ctx: RequestContext, _payload: Record<string, unknown>, p: Platform) => {
    const byDay: Record<string, { total: number }> = {};
    let total = 0;
    for (const chat of p.store.chats.values()) {
      for (const thread of chat.threads) {
        const day = thread.created_at.slice(0, 10);
        byDay[day] ??= { total: 0 };
        byDay[day].total++;
        total++;
      }
    }
    return { name: `${name.replace(/_/g, '-')}-report`, total, records: byDay };
  };
}

const handlers: Record<string, Handler> = {};
for (const path of Object.keys(METHODS.reports)) handlers[path] = report(path);

/** Reports are keyed `<resource>/<name>`, as in their URL. */
export const reportsHandlers: HandlerTable = { handlers };
