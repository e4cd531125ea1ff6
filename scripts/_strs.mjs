// untracked: cost of message-like strings in a pretty page file
import fs from 'node:fs'; import zlib from 'node:zlib'; import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
const acorn = createRequire(import.meta.url)('/work/main/node_modules/.pnpm/acorn@8.19.0/node_modules/acorn');
const src = fs.readFileSync(process.argv[2], 'utf8');
const size = async (s) => zlib.gzipSync((await esbuild.transform(s, { minify: true, format: 'esm', target: 'es2020' })).code, { level: 9 }).length;
const ast = acorn.parse(src, { ecmaVersion: 'latest', sourceType: 'module' });
const edits = [];
const rec = (n) => { if (!n || typeof n.type !== 'string') return;
  if (n.type === 'Literal' && typeof n.value === 'string' && / /.test(n.value) && n.value.length > 8) edits.push([n.start + 1, n.end - 1, n.value]);
  if (n.type === 'TemplateElement' && / [a-z]/i.test(n.value.cooked) && n.value.cooked.length > 4) edits.push([n.start, n.end, n.value.cooked]);
  for (const k in n) { const v = n[k]; if (Array.isArray(v)) v.forEach(rec); else if (v && typeof v.type === 'string') rec(v); } };
rec(ast);
edits.sort((a, b) => b[0] - a[0]);
let s = src; for (const [a, b] of edits) s = s.slice(0, a) + 'x' + s.slice(b);
console.log('base', await size(src), 'no messages', await size(s), 'count', edits.length, 'chars', edits.reduce((t, e) => t + e[2].length, 0));
for (const e of edits.reverse()) console.log(JSON.stringify(e[2]));
