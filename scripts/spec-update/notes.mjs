// The `notes` of a method: what the docs say outside the tables that the tables cannot carry.
// Derived where the docs are regular ("No response payload", conditionally required fields, batch
// variants); the rest is reviewed prose kept in reviewed.mjs, keyed by api and method.
import { REVIEWED_NOTES } from './reviewed.mjs';

/** The note of one entry: its reviewed prose when there is one, else the derived sentences. */
export function notesOf(m) {
  const reviewed = REVIEWED_NOTES[`${m.api}.${m.method}`];
  if (reviewed !== undefined) return reviewed;
  const parts = [];
  if (m.batch_of) {
    const s = m.batch_of;
    parts.push(
      `Batch variant of ${s}: body {"requests": [<${s} request>...]}; response {"responses": [<${s} response or {"error":...}>...]} in request order; items run concurrently; same scopes as ${s}.`,
    );
  }
  if (m.response_shape === 'empty' && m.transports.includes('web')) parts.push('No response payload (200 OK).');
  if (m.conditionally_required.length) {
    parts.push(
      `Conditionally required (required only when parent present / alternative): ${m.conditionally_required.join(', ')}.`,
    );
  }
  return parts.join(' ');
}
