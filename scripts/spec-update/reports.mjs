// Reports methods have no parameter table of their own: the page's "Available parameters and
// filters" section holds one table per report family (Chats, Agents, customer reports), and one
// extra table for `queued_visitors_left`. A method with its own table (`chat_usage`) keeps it.
import fs from 'node:fs';
import path from 'node:path';
import { parseMdx, plain, sections } from './mdx.mjs';

const cache = new Map();

/** `{ chats, agents, customers, queued_visitors_left }` parameter rows of the Reports page. */
function sharedTables(docs, relPath) {
  if (cache.has(relPath)) return cache.get(relPath);
  const items = parseMdx(fs.readFileSync(path.join(docs, relPath), 'utf8'));
  const tables = {};
  for (const section of sections(items)) {
    const family = /^For the (\w+) reports$/i.exec(plain(section.title))?.[1]?.toLowerCase();
    if (!family) continue;
    const paramTables = section.items.filter((i) => i.kind === 'table' && /^parameter$/i.test(plain(i.header[0])));
    const rows = (t) =>
      t.rows.map((r) => ({ name: plain(r.cells[0]), required: plain(r.cells[1]), type: plain(r.cells[2]) }));
    tables[family === 'customer' ? 'customers' : family] = paramTables[0] ? rows(paramTables[0]) : [];
    // "Additional parameter for the `queued-visitors-left` method" follows the Chats table.
    if (paramTables[1]) tables.queued_visitors_left = rows(paramTables[1]);
  }
  cache.set(relPath, tables);
  return tables;
}

/** The parameter rows of one report: its own table, else its family's (by URL resource). */
export function reportParams(docs, facts) {
  if (facts.params.length) return facts.params;
  const page = facts.source.split('#')[0];
  const tables = sharedTables(docs, page);
  const resource = /\/reports\/([a-z_]+)\//.exec(plain(facts.specifics['Method URL'].text))?.[1];
  const family = { agents: 'agents', customers: 'customers', stats: 'customers' }[resource] ?? 'chats';
  const rows = tables[family] ?? [];
  return facts.action === 'queued_visitors_left' ? [...rows, ...(tables.queued_visitors_left ?? [])] : rows;
}
