import type { ClientHooks, RequestEndInfo } from '@lc/core';
import { writeErr } from './output.js';

/** `--verbose`: one line per request attempt on stderr, from the SDK's client hooks (never a token or payload). */
export function verboseHooks(): ClientHooks {
  return {
    onRequestEnd(info: RequestEndInfo) {
      const parts = [
        `${info.api} ${info.action}`,
        `v${info.version}`,
        `attempt ${info.attempt}`,
        info.status !== undefined ? `status ${info.status}` : info.error ? info.error.name : 'ok',
        `${Math.round(info.duration)} ms`,
      ];
      if (info.requestId) parts.push(`request ${info.requestId}`);
      if (info.debugId) parts.push(`debug ${info.debugId}`);
      if (info.retryDelay !== undefined) parts.push(`retry in ${info.retryDelay} ms`);
      writeErr(`lc: ${parts.join('  ')}\n`);
    },
    onStateChange(info) {
      writeErr(`lc: ${info.api} rtm ${info.from} -> ${info.to}\n`);
    },
  };
}
