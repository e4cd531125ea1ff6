// Where each API's reference lives in the docs repository, per version. The unversioned page is the
// stable version (its front matter says which); other versions live in `v<x.y>/` next to it.
import fs from 'node:fs';
import path from 'node:path';

/** Page roles per API: `web`/`rtm` references, RTM `pushes`, `webhooks`, `structures` (data structures). */
const PAGES = {
  agent: {
    dir: 'src/pages/messaging/agent-chat-api',
    web: '',
    rtm: 'rtm-reference',
    pushes: 'rtm-pushes',
    structures: 'data-structures',
  },
  customer: {
    dir: 'src/pages/messaging/customer-chat-api',
    web: '',
    rtm: 'rtm-reference',
    pushes: 'rtm-pushes',
    structures: 'data-structures',
  },
  configuration: { dir: 'src/pages/management/configuration-api', web: '' },
  reports: { dir: 'src/pages/data-reporting/reports-api', web: '' },
  webhooks: { dir: 'src/pages/management/webhooks', webhooks: '' },
};

export const APIS = Object.keys(PAGES);

/** The changelog page of each API (one page for every version). */
export const CHANGELOGS = {
  agent: 'src/pages/messaging/agent-chat-api/changelog/index.mdx',
  customer: 'src/pages/messaging/customer-chat-api/changelog/index.mdx',
  configuration: 'src/pages/management/changelog/index.mdx',
  reports: 'src/pages/data-reporting/changelog/index.mdx',
};

/**
 * The docs' version groups (`src/constants/index.js`, the `DEFAULT` group): stable, dev preview,
 * legacy, deprecated. Read as text: the file is ES module source of a Next.js site.
 */
export function versionGroups(docs) {
  const text = fs.readFileSync(path.join(docs, 'src/constants/index.js'), 'utf8');
  const block = /DEFAULT:\s*\{([\s\S]*?)\}/.exec(text)?.[1] ?? '';
  const one = (key) => new RegExp(`${key}:\\s*"([^"]*)"`).exec(block)?.[1];
  const list = (key) =>
    [...(new RegExp(`${key}:\\s*\\[([^\\]]*)\\]`).exec(block)?.[1] ?? '').matchAll(/"([^"]+)"/g)].map((m) => m[1]);
  return {
    stable: one('STABLE_VERSION'),
    preview: one('DEV_PREVIEW_VERSION'),
    legacy: list('LEGACY_VERSIONS'),
    deprecated: list('DEPRECATED_VERSIONS'),
  };
}

/** The repo-relative path of one page of `api` at `version` (undefined when the docs have none). */
export function pagePath(docs, api, role, version, stable) {
  const spec = PAGES[api];
  if (spec[role] === undefined) return undefined;
  const sub = version === stable ? spec[role] : path.posix.join(`v${version}`, spec[role]);
  const rel = path.posix.join(spec.dir, sub, 'index.mdx');
  return fs.existsSync(path.join(docs, rel)) ? rel : undefined;
}

/** Every page of `version`: `[{ api, role, path }]`, in a fixed order. */
export function pagesOf(docs, version, stable) {
  const out = [];
  for (const api of APIS) {
    for (const role of ['web', 'rtm', 'pushes', 'webhooks', 'structures']) {
      const rel = pagePath(docs, api, role, version, stable);
      if (rel) out.push({ api, role, path: rel });
    }
  }
  return out;
}

const PAYLOAD_DIRS = {
  agent: 'messaging/v{v}/agent-chat-api',
  customer: 'messaging/v{v}/customer-chat-api',
  configuration: 'management/v{v}/configuration-api',
  reports: 'data-reporting/v{v}/reports-api',
};

/**
 * The repo-relative file a `<CodeResponse type=".." version="v3.6" json="name"/>` points at, read from
 * the `export { default as name } from "./x.json"` lines of that payload directory's index.js.
 */
export function payloadFile(docs, type, version, name) {
  const dir = PAYLOAD_DIRS[type]?.replace('{v}', version.replace(/^v/, ''));
  if (!dir) return undefined;
  const index = path.join(docs, 'payloads', dir, 'index.js');
  if (!fs.existsSync(index)) return undefined;
  const text = fs.readFileSync(index, 'utf8');
  const m = new RegExp(`default as ${name}\\s*\\}\\s*from\\s*["']([^"']+)["']`).exec(text);
  return m ? path.posix.join('payloads', dir, m[1]) : undefined;
}
