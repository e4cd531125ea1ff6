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
 * The section's tables by role. Parameters: a "Parameter" table with a Required column, outside the
 * response. Response fields: a "Field" table, or a table under `#### Response` (Customer
 * `get_customer` leaves its header empty, Configuration's 3.7 canned responses call it "Parameter");
 * tables under a deeper heading (`##### Response`: one item of a list) are not top-level fields.
 */
function tablesByRole(section) {
  const params = [];
  const response = [];
  let sub = { text: '', level: 0 };
  for (const item of section.items) {
    if (item.kind === 'heading') sub = { text: plain(item.text), level: item.level };
    if (item.kind !== 'table') continue;
    const header = item.header.map(plain);
    const inResponse = /^response$/i.test(sub.text);
    if (PARAM_HEADER.test(header[0]) && header.some((h) => /^required$/i.test(h)) && !inResponse) {
      params.push(...paramRows(item));
    } else if (/^field$/i.test(header[0]) && !(inResponse && sub.level > 4)) {
      response.push(...item.rows.map((r) => plain(r.cells[0])));
    } else if (inResponse && sub.level === 4 && /^(parameter)?$/i.test(header[0])) {
      // Only rows that name a field (`name`), not notes such as "Group Not Found".
      response.push(...item.rows.map((r) => plain(r.cells[0])).filter((n) => /^[a-z_][\w.<>[\]]*$/.test(n)));
    }
  }
  return { params, response };
}

/** Facts of each documented action of one page: `Map<action, facts>` in page order. */
export function readReference(docs, relPath, role) {
  const items = parseMdx(fs.readFileSync(path.join(docs, relPath), 'utf8'));
  const out = new Map();
  for (const section of sections(items)) {
    const action = actionOf(section, role);
    if (!action || out.has(action)) continue;
    const { params, response: responseTable } = tablesByRole(section);
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
