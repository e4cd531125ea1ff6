// The docs' JSON samples carry `//` comments (`// optional`, `// "Agent" user object`), which are part
// of the docs' notation, not defects. Everything else that JSON.parse refuses is a docs defect: the
// sample is kept with `invalid` saying why.

/** The text without `//` and `/* *\/` comments (string contents are left alone). */
export function stripComments(text) {
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
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else out += c;
  }
  return out;
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
    try {
      return { invalid, value: JSON.parse(withoutTrailingCommas(bare)), repair: 'trailing commas removed' };
    } catch {
      return { invalid };
    }
  }
}

/** The text without commas that directly precede a `}` or `]` (string contents are left alone). */
function withoutTrailingCommas(text) {
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
    } else if (c === ',' && /^\s*[}\]]/.test(text.slice(i + 1))) {
      // dropped
    } else out += c;
  }
  return out;
}

/** "not JSON at line N: <that line>" (the same across Node versions, unlike JSON.parse's wording). */
function reason(text, error) {
  const position = Number(/position (\d+)/.exec(error.message)?.[1]);
  if (!Number.isFinite(position)) return 'not JSON (unexpected end)';
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return `not JSON at line ${line}: ${text.split('\n')[line - 1].trim()}`;
}
