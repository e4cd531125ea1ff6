/**
 * The shapes of the generated action tables (src/generated, from spec/methods.json by
 * scripts/gen/cli-tables.mjs).
 */

/** How a `--field value` flag is read: from the docs' type of the field. */
export type FieldKind = 'string' | 'number' | 'boolean' | 'string[]' | 'number[]' | 'object' | 'array' | 'file' | 'any';

/** One documented request field: dotted name (`filters.group_ids`, `chat.users[].id`), kind, required. */
export type Field = [name: string, kind: FieldKind, required: boolean];

/** One documented action. */
export interface ActionSpec {
  title: string;
  /** The docs page and anchor of the action. */
  docs?: string;
  /** The OAuth scopes the action needs, as the docs write them (`chats--all:ro or chats--access:ro`). */
  scopes?: string;
  transports: string[];
  /** Reports only: the `<resource>/<name>` path the action is sent to. */
  path?: string;
  /** The response carries `next_page_id`, so `--paginate` applies. */
  paginated?: boolean;
  fields: Field[];
}

/** The actions of one API version. */
export interface ActionTable {
  api: string;
  version: string;
  actions: Record<string, ActionSpec>;
}

/** The APIs `lc` speaks and how to load each version's table. */
export type ApiIndex = Record<
  string,
  { title: string; defaultVersion: string; versions: Record<string, () => Promise<unknown>> }
>;
