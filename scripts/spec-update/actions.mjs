// Which action a section of a reference page documents: the Method URL (Web), the Action row (RTM),
// or the heading itself (`### \`incoming_chat\`` on the pushes and webhooks pages).
import { plain } from './mdx.mjs';

/** The rows of the section's "Specifics" table as `{ label: value }` (labels without `*` marks). */
export function specifics(section) {
  const out = {};
  for (const table of section.items.filter((i) => i.kind === 'table')) {
    if (table.header.some((h) => plain(h) !== '')) continue;
    for (const row of table.rows) {
      const label = plain(row.cells[0]).replace(/\s*\*+$/, '');
      out[label] = { text: row.cells[1] ?? '', line: row.line };
    }
  }
  return out;
}

/** The action name of a Web API Method URL (`.../action/<name>`, `.../reports/<resource>/<name>`). */
export function actionOfUrl(url) {
  const clean = plain(url).split('?')[0];
  const m = /\/action\/([a-z0-9_]+)/.exec(clean) ?? /\/reports\/[a-z_]+\/([a-z0-9_]+)/.exec(clean);
  return m?.[1];
}

/** The action a section documents on a page of `role`, or undefined (an introduction, a format). */
export function actionOf(section, role) {
  if (role === 'pushes' || role === 'webhooks') {
    const m = /^`([a-z0-9_]+)`$/.exec(section.title.trim());
    return m?.[1];
  }
  const rows = specifics(section);
  if (role === 'web' && rows['Method URL']) return actionOfUrl(rows['Method URL'].text);
  if (role === 'rtm' && rows.Action) return plain(rows.Action.text);
  // The protocol `ping` is documented in the introduction ("Server pinging"), not as a method.
  if (role === 'rtm' && /^server pinging$/i.test(plain(section.title))) return 'ping';
  return undefined;
}
