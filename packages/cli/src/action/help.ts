import type { ActionSpec, ActionTable } from '../table.js';
import { arrayParentOf } from './fields.js';

/** `lc <api> --help`: every action of the version, with its title and transports. */
export function apiHelp(title: string, table: ActionTable): string {
  const names = Object.keys(table.actions);
  const width = Math.max(...names.map((n) => n.length));
  const lines = names.map((name) => {
    const action = table.actions[name]!;
    const rtmOnly = !action.transports.includes('web') ? '   (RTM only: see `lc rtm`)' : '';
    return `  ${name.padEnd(width)}  ${action.title}${rtmOnly}`;
  });
  return `${title} ${table.version}: lc ${table.api} <action> [payload] [--field value …]

Actions:
${lines.join('\n')}

\`lc ${table.api} <action> --help\` shows an action's fields.
`;
}

/** `lc <api> <action> --help`: the fields (kind, required), scopes and docs link. */
export function actionHelp(table: ActionTable, name: string, action: ActionSpec): string {
  const width = Math.max(0, ...action.fields.map(([field]) => field.length));
  const fields = action.fields.length
    ? action.fields
        .map(([field, kind, required]) => {
          // A field inside an array is a key of each item of that array's JSON, not a flag.
          const array = arrayParentOf(action.fields, field);
          const notes = [required && 'required', array && `a key of each --${array} item`].filter(Boolean);
          const name = `${array ? '  ' : '--'}${field.padEnd(width)}`;
          return `  ${name}  ${kind}${notes.length ? `  (${notes.join('; ')})` : ''}`;
        })
        .join('\n')
    : '  (none)';
  const lines = [
    `${action.title}: lc ${table.api} ${name} [payload] [--field value …]   (API ${table.version})`,
    '',
    'Fields:',
    fields,
    '',
    'Arrays: repeat the flag or give JSON (`--ids a --ids b`, `--ids \'["a","b"]\'`); objects as JSON.',
  ];
  if (action.paginated) lines.push('Pages: --paginate follows next_page_id and prints one JSON line per page.');
  if (action.scopes) lines.push(`Scopes: ${action.scopes}`);
  if (!action.transports.includes('web')) lines.push('RTM only: not available over the Web API.');
  if (action.docs) lines.push(`Docs: ${action.docs}`);
  return `${lines.join('\n')}\n`;
}
