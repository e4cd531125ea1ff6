// One Web or RTM reference page read into per-action facts: title, category, the Specifics rows,
// the request parameter rows, the response table and whether the docs say there is no payload.
import fs from 'node:fs';
import path from 'node:path';
import { actionOf, specifics } from './actions.mjs';
import { parseMdx, plain, sections } from './mdx.mjs';

const PARAM_HEADER = /^(query string )?parameters?$/i;

const YES_NO = /^(yes|no)\b/i;

/** A parameter name without the docs' marks: `away __*__`, `customer_side_storage*`, `button_value.`. */
const paramName = (cell) =>
  plain(cell)
    .replace(/\s*__\*+__\s*$/, '')
    .replace(/[*.]+$/, '');

/**
 * The rows of a parameter table as `{ name, required, type }`. Required keeps the docs' words
 * (`Yes*`, "min. one `user`"); a row whose Required and Type cells are swapped (Configuration
 * `get_bot`: Required `string[]`, Type `No`) is read the right way round.
 */
function paramRows(table) {
  const header = table.header.map(plain);
  const required = header.findIndex((h) => /^required$/i.test(h));
  const type = header.findIndex((h) => /type/i.test(h));
  return table.rows.map((row) => {
    const requiredCell = (row.cells[required] ?? '').replace(/<sup>.*?<\/sup>/g, '').trim();
    const typeCell = plain(row.cells[type] ?? '');
    const swapped = !YES_NO.test(plain(requiredCell)) && YES_NO.test(typeCell);
    return {
      name: paramName(row.cells[0]),
      required: swapped ? typeCell : requiredCell.replace(/\*\*/g, ''),
      type: swapped ? plain(requiredCell) : typeCell,
    };
  });
}

/**
 * Response field names: a "Field" table, or a header-less table under `#### Response` (Customer
 * `get_customer` writes its fields that way).
 */
function responseTables(section) {
  const out = [];
  let sub;
  for (const item of section.items) {
    if (item.kind === 'heading') sub = plain(item.text);
    if (item.kind !== 'table') continue;
    const headerless = item.header.every((h) => plain(h) === '');
    if (/^field$/i.test(plain(item.header[0]))) out.push(...item.rows.map((r) => plain(r.cells[0])));
    else if (headerless && /^response$/i.test(sub ?? '')) {
      // Only rows that name a field (`name`), not notes such as "Group Not Found".
      out.push(...item.rows.map((r) => plain(r.cells[0])).filter((n) => /^[a-z_][\w.<>[\]]*$/.test(n)));
    }
  }
  return out;
}

/** Facts of each documented action of one page: `Map<action, facts>` in page order. */
export function readReference(docs, relPath, role) {
  const items = parseMdx(fs.readFileSync(path.join(docs, relPath), 'utf8'));
  const out = new Map();
  for (const section of sections(items)) {
    const action = actionOf(section, role);
    if (!action || out.has(action)) continue;
    const tables = section.items.filter((i) => i.kind === 'table');
    const params = tables.filter((t) => PARAM_HEADER.test(plain(t.header[0]))).flatMap(paramRows);
    const responseTable = responseTables(section);
    out.set(action, {
      action,
      title: plain(section.title),
      category: section.category,
      line: section.line,
      specifics: specifics(section),
      params,
      responseTable,
      noPayload: section.items.some((i) => i.kind === 'text' && /no response payload/i.test(i.text)),
      source: `${relPath}#L${section.line}`,
    });
  }
  return out;
}

/** The backticked names of a Specifics cell (`Webhook`, `Push message`); `-` means none. */
export function namesIn(cell) {
  return [...String(cell ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]);
}
