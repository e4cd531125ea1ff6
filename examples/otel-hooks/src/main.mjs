// @ts-check
// Runs a few Agent Chat requests against the local simulator with the hooks tracing them to a tiny
// console "exporter" (a tracer that prints each finished span), to show what the spans carry.
import { AgentWeb } from '@lc/agent';
import { startSimulator } from '@lc/testing';
import { otelHooks } from './otel-hooks.mjs';

/** @type {import('@opentelemetry/api').Tracer} */
const consoleTracer = {
  startSpan(name, options = {}) {
    const attributes = { ...options.attributes };
    /** @type {any} */
    const span = {
      setAttribute(/** @type {string} */ key, /** @type {any} */ value) {
        attributes[key] = value;
        return span;
      },
      setStatus: () => span,
      addEvent(/** @type {string} */ event, /** @type {unknown} */ data) {
        console.log(' ', event, data);
        return span;
      },
      end: () => console.log(name, attributes),
    };
    return span;
  },
  startActiveSpan: /** @type {any} */ (() => undefined),
};

const sim = await startSimulator({ port: 0 });
const token = {
  accessToken: sim.agents[0]?.accessToken ?? '',
  organizationID: sim.organizationId,
  tokenType: /** @type {const} */ ('Bearer'),
};
const agent = new AgentWeb(() => token, { apiUrl: sim.url, hooks: otelHooks({ tracer: consoleTracer }) });
await agent.listChats({ limit: 10 });
await agent.getChat({ chat_id: 'NOPE' }).catch((/** @type {Error} */ error) => console.log('expected:', error.message));
await sim.close();
