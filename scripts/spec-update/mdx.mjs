// Reads one docs page (.mdx) into a flat list of the items spec-update needs, each with its line:
// headings, markdown tables, fenced code blocks (with the <CodeSample>/<CodeResponse> around them)
// and self-closing <CodeResponse json="..."/> references to sample files under payloads/.

/** Attributes of a JSX tag: `a="x"`, `a='x'`, `a={'x'}`, `a={"x"}`. */
export function tagAttributes(tag) {
  const attrs = {};
  for (const m of tag.matchAll(/([A-Za-z_]+)=(?:"([^"]*)"|'([^']*)'|\{\s*['"`]([^'"`]*)['"`]\s*\})/g)) {
    attrs[m[1]] = m[2] ?? m[3] ?? m[4];
  }
  return attrs;
}

/** The YAML-ish front matter (`key: "value"` lines) between the leading `---` lines. */
export function frontMatter(text) {
  const m = /^---\n([\s\S]*?)\n---/.exec(text);
  const out = {};
  if (!m) return out;
  for (const line of m[1].split('\n')) {
    const kv = /^([A-Za-z_]+):\s*"?(.*?)"?\s*$/.exec(line);
    if (kv) out[kv[1]] = kv[2];
  }
  return out;
}

/** Splits a markdown table row into trimmed cells (escaped `\|` stays inside a cell). */
export function tableCells(line) {
  const cells = [];
  let cell = '';
  const body = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\' && body[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (body[i] === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += body[i];
  }
  cells.push(cell.trim());
  return cells;
}

/**
 * The text with HTML (`<!-- -->`) and JSX (`{/* *\/}`) comments blanked out, line breaks kept: the
 * site does not render them (the docs comment out retired methods and their samples this way).
 */
export function withoutComments(text) {
  return text.replace(/<!--[\s\S]*?-->|\{\/\*[\s\S]*?\*\/\}/g, (c) => c.replace(/[^\n]/g, ''));
}

const isSeparatorRow = (cells) => cells.every((c) => /^:?-+:?$/.test(c));

/**
 * The page's items in order. Lines are 1-based. A code item's `line` is its opening fence; `wrapper`
 * is the innermost <CodeSample>/<CodeResponse> open at that point (undefined outside one).
 */
export function parseMdx(text) {
  const lines = withoutComments(text).split('\n');
  const items = [];
  let wrapper;
  let i = lines[0] === '---' ? lines.indexOf('---', 1) + 1 : 0;
  while (i < lines.length) {
    const line = lines[i];
    const fence = /^(\s*)(`{3,})\s*([A-Za-z]*)\s*$/.exec(line);
    if (fence) {
      const start = i;
      const body = [];
      i++;
      while (i < lines.length && !new RegExp(`^\\s*${fence[2]}\\s*$`).test(lines[i])) body.push(lines[i++]);
      items.push({ kind: 'code', lang: fence[3], text: body.join('\n'), line: start + 1, wrapper });
      i++;
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*$/.exec(line);
    if (heading) {
      items.push({ kind: 'heading', level: heading[1].length, text: heading[2], line: i + 1 });
      i++;
      continue;
    }
    if (/^\s*\|/.test(line)) {
      const start = i;
      const rows = [];
      while (i < lines.length && /^\s*\|/.test(lines[i])) {
        const cells = tableCells(lines[i++]);
        if (!isSeparatorRow(cells)) rows.push({ cells, line: i });
      }
      items.push({ kind: 'table', header: rows[0]?.cells ?? [], rows: rows.slice(1), line: start + 1 });
      continue;
    }
    const tag = /<(CodeSample|CodeResponse)\b([^>]*?)(\/?)>/.exec(line);
    if (tag) {
      const attrs = tagAttributes(tag[2]);
      if (tag[3] === '/') items.push({ kind: 'ref', tag: tag[1], attrs, line: i + 1 });
      else wrapper = { tag: tag[1], attrs, line: i + 1 };
    } else if (/<\/(CodeSample|CodeResponse)>/.test(line)) {
      wrapper = undefined;
    } else if (line.trim()) {
      items.push({ kind: 'text', text: line.trim(), line: i + 1 });
    }
    i++;
  }
  return items;
}

/**
 * Groups items into sections, one per heading of `level` (default 3: a method, push or webhook);
 * a section ends at the next heading of that level or above. `category` is the heading above it.
 */
export function sections(items, level = 3) {
  const out = [];
  let current;
  const above = [];
  for (const item of items) {
    if (item.kind === 'heading' && item.level <= level) {
      if (item.level < level) above.splice(item.level - 1, Infinity, plain(item.text));
      // `# Webhooks` → `## Methods` → `### Register Webhook`: the category is "Webhooks";
      // `# Methods` → `## Chats` → `### List Chats`: it is "Chats".
      const category = above.filter((h) => h && !/^methods$/i.test(h)).at(-1);
      current = item.level === level ? { title: item.text, line: item.line, category, items: [] } : undefined;
      if (current) out.push(current);
      continue;
    }
    current?.items.push(item);
  }
  return out;
}

/** A table cell as prose: links and bold gone, `code` kept. */
export function prose(s) {
  return String(s ?? '')
    .replace(/<sup>.*?<\/sup>|<br\s*\/?>/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*/g, '')
    .trim();
}

/** Strips markdown decoration from a table cell or heading: backticks, bold, links. */
export function plain(s) {
  return String(s ?? '')
    .replace(/<sup>.*?<\/sup>|<br\s*\/?>/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*/g, '')
    .replace(/`/g, '')
    .replace(/\\\*/g, '*')
    .trim();
}
