// Writes each ```ts block of the repository README to snippets/NN.ts, with `declare`s for the
// free names a reader is expected to supply (their own ids, UI functions), so `tsc` checks that
// every call in the README matches the real API.
import fs from 'node:fs';

const readme = fs.readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
const FREE = {
  accountId: 'declare const accountId: string;',
  pat: 'declare const pat: string;',
  render: 'declare function render(text: string): void;',
  retryLater: 'declare function retryLater(): void;',
  getToken: "declare const getToken: import('@lc/core').TokenGetter;",
  agent: "declare const agent: import('@lc/agent').AgentWeb;",
};
const dir = new URL('./snippets/', import.meta.url);
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir);
blocks.forEach((code, i) => {
  const prelude = Object.entries(FREE)
    .filter(([name]) => new RegExp(`\\b${name}\\b`).test(code) && !new RegExp(`\\b(const|let|function|import)\\s+(\\{[^}]*)?\\b${name}\\b`).test(code))
    .map(([, decl]) => decl);
  fs.writeFileSync(new URL(`${String(i + 1).padStart(2, '0')}.ts`, dir), `${prelude.join('\n')}\n${code}\nexport {};\n`);
});
console.log(`README: ${blocks.length} TypeScript snippets extracted`);
