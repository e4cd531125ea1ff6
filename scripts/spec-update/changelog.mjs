// The changelog pages: one `## [v3.7] - ...` section per version, `###` topics, `-` items. Each item
// is kept with its line and the actions it names (bold titles, `#anchors`, push names).
import fs from 'node:fs';
import path from 'node:path';
import { CHANGELOGS } from './pages.mjs';
import { withoutComments } from './mdx.mjs';

const slug = (s) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** `[{ api, version, topic, text, source, mentions }]` of one version, mentions resolved against `names`. */
export function changelogOf(docs, version, namesByApi) {
  const out = [];
  for (const [api, rel] of Object.entries(CHANGELOGS)) {
    const file = path.join(docs, rel);
    if (!fs.existsSync(file)) continue;
    const lines = withoutComments(fs.readFileSync(file, 'utf8')).split('\n');
    let inVersion = false;
    let topic = '';
    lines.forEach((line, i) => {
      const head = /^##\s+\[v([\d.]+)\]/.exec(line);
      if (head) inVersion = head[1] === version;
      else if (/^#\s|^##\s/.test(line)) inVersion = false;
      if (!inVersion) return;
      const sub = /^###\s+(.*)$/.exec(line);
      if (sub) topic = sub[1].trim();
      const item = /^(\s*)-\s+(.*)$/.exec(line);
      if (!item) return;
      const text = item[2].trim();
      out.push({
        api,
        version,
        topic,
        text,
        source: `${rel}#L${i + 1}`,
        mentions: mentionsIn(text, namesByApi[api] ?? []),
      });
    });
  }
  return out;
}

/**
 * Marks each later item whose words the stable version's changelog repeats (links and version
 * segments aside) with `also_in`: the stable item's source. The docs list some changes under both
 * versions (3.6 and 3.7 both say the Customer structure gained `carts`), so the change is not the
 * later version's own.
 */
export function markRepeats(items, stableItems) {
  const words = (item) =>
    `${item.api}|${item.text
      .replace(/\]\([^)]*\)/g, ']')
      .replace(/\s+/g, ' ')
      .trim()}`;
  const stable = new Map(stableItems.map((item) => [words(item), item.source]));
  for (const item of items) {
    const source = stable.get(words(item));
    // A lead-in ("There are new pushes:") repeats across versions without meaning the same change.
    if (source && !item.text.endsWith(':')) item.also_in = source;
  }
  return items;
}

/** Actions or pushes a changelog line names: by anchor (`#list-chats`, `#incoming_chat`) or bold title. */
function mentionsIn(text, names) {
  const anchors = [...text.matchAll(/#([a-z0-9_-]+)\)/g)].map((m) => m[1]);
  const bold = [...text.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => slug(m[1]));
  const found = names.filter(
    ({ name, title }) =>
      anchors.includes(name) || anchors.includes(slug(title ?? '')) || bold.includes(slug(title ?? '')),
  );
  return [...new Set(found.map((n) => n.name))];
}
