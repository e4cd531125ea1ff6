// The docs' JSON samples carry `//` comments (`// optional`, `// "Agent" user object`), which are part
// of the docs' notation, not defects. Everything else that JSON.parse refuses is a docs defect: the
// sample is kept with `invalid` saying why.

/**
 * Rewrites `text` outside its JSON strings: `outside(text, i)` returns what to write for the character
 * at `i` and the index of the last character it consumed. String contents (escapes included) are copied.
 */
function rewriteOutsideStrings(text, outside) {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else {
      const [written, last] = outside(text, i);
      out += written;
      i = last;
    }
  }
  return out;
}

/** The text without `//` and `/* *\/` comments (string contents are left alone). */
export function stripComments(text) {
  return rewriteOutsideStrings(text, (t, i) => {
    if (t[i] === '/' && t[i + 1] === '/') {
      const end = t.indexOf('\n', i);
      return ['\n', end < 0 ? t.length : end];
    }
    if (t[i] === '/' && t[i + 1] === '*') {
      const end = t.indexOf('*/', i + 2);
      return ['', end < 0 ? t.length : end + 1];
    }
    return [t[i], i];
  });
}

/**
 * `{ value }` when the sample is JSON once comments are gone. Else `{ invalid: <why> }`, plus
 * `{ value, repair }` when removing trailing commas (the docs' most common slip) is all it takes.
 */
export function parseSample(text) {
  const bare = stripComments(text).trim();
  if (!bare) return { invalid: 'empty sample' };
  try {
    return { value: JSON.parse(bare) };
  } catch (error) {
    const invalid = reason(bare, error);
    for (const [repair, fix] of REPAIRS) {
      try {
        return { invalid, value: JSON.parse(fix(bare)), repair };
      } catch {}
    }
    return { invalid };
  }
}

/**
 * Repairs that cannot change what a sample means, applied cumulatively until the sample parses:
 * trailing commas, bare numeric keys (`1: "online"`), a `...` line ("and so on"), a missing comma
 * at a line end, a closing bracket that closes nothing.
 */
const FIXES = [
  ['trailing commas removed', (t) => withoutTrailingCommas(t)],
  ['numeric keys quoted', (t) => quoteNumericKeys(t)],
  ['"..." lines removed', (t) => t.replace(/^\s*\.\.\.\s*$/gm, '')],
  ['missing commas inserted', (t) => t.replace(/(["\d}\]]|true|false|null)(\s*\n\s*")/g, '$1,$2')],
  ['unmatched closing brackets removed', (t) => withoutUnmatchedClosers(t)],
];
const REPAIRS = FIXES.map((_, i) => [
  FIXES.slice(0, i + 1)
    .map(([label]) => label)
    .join(', '),
  (t) => FIXES.slice(0, i + 1).reduce((text, [, fix]) => withoutTrailingCommas(fix(text)), t),
]);

/** The text without a `}` or `]` that does not close the innermost open bracket. */
function withoutUnmatchedClosers(text) {
  let out = '';
  let inString = false;
  const open = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    if (c === '{' || c === '[') open.push(c === '{' ? '}' : ']');
    if ((c === '}' || c === ']') && open.at(-1) !== c) continue;
    if (c === '}' || c === ']') open.pop();
    out += c;
  }
  return out;
}

const quoteNumericKeys = (text) => text.replace(/^(\s*)(\d+)(\s*:)/gm, '$1"$2"$3');

/** The text without commas that directly precede a `}` or `]` (string contents are left alone). */
function withoutTrailingCommas(text) {
  return rewriteOutsideStrings(text, (t, i) => [t[i] === ',' && /^\s*[}\]]/.test(t.slice(i + 1)) ? '' : t[i], i]);
}

/** "not JSON at line N: <that line>" (the same across Node versions, unlike JSON.parse's wording). */
function reason(text, error) {
  const position = Number(/position (\d+)/.exec(error.message)?.[1]);
  if (!Number.isFinite(position)) return 'not JSON (unexpected end)';
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return `not JSON at line ${line}: ${text.split('\n')[line - 1].trim()}`;
}
