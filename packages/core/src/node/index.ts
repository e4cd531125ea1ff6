/**
 * `@lc/core/node`: Node-only helpers. Never imported by the browser entry.
 * @packageDocumentation
 */
export { createNodeFetch, type NodeFetchOptions } from './fetch.js';
