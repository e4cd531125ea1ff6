// Configuration's batch endpoints: listed in the "Methods with batch support" tables (a method link
// and the batch URL per row), each taking `{ requests: [<single request>] }`.
import fs from 'node:fs';
import path from 'node:path';
import { actionOfUrl } from './actions.mjs';
import { parseMdx, plain } from './mdx.mjs';

/** One entry per row of the batch tables; `singles` are the page's other entries (for their titles). */
export function batchEntries(docs, relPath, singles, version) {
  const items = parseMdx(fs.readFileSync(path.join(docs, relPath), 'utf8'));
  const out = [];
  for (const table of items.filter((i) => i.kind === 'table' && /^batch method url$/i.test(plain(i.header[1] ?? '')))) {
    for (const row of table.rows) {
      const method = actionOfUrl(row.cells[1]);
      const anchor = /\(#([a-z0-9-]+)\)/.exec(row.cells[0])?.[1];
      const single = singles.find((m) => m.title.toLowerCase().replace(/[^a-z0-9]+/g, '-') === anchor);
      if (!method || !single)
        throw new Error(`batch table row ${relPath}#L${row.line}: cannot map ${row.cells.join(' | ')}`);
      out.push({
        api: 'configuration',
        method,
        transports: ['web'],
        version,
        required: ['requests'],
        optional: [],
        response_fields: ['responses'],
        scopes: [],
        notes: '',
        title: `Batch ${plain(row.cells[0])}`,
        category: 'Batch requests',
        http: { method: 'POST', url: plain(row.cells[1]) },
        scopes_expr: `same as ${single.method}`,
        conditionally_required: [],
        response_shape: 'object',
        webhooks: [],
        pushes: [],
        batch_of: single.method,
        params: [{ name: 'requests', required: 'yes', type: 'array' }],
        sources: [`${relPath}#L${row.line}`],
      });
    }
  }
  return out;
}
