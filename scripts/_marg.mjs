// untracked: marginal gzip cost of each function/method body in a pretty page file
import fs from 'node:fs'; import zlib from 'node:zlib'; import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const acorn = require('/work/main/node_modules/.pnpm/acorn@8.19.0/node_modules/acorn');
const walk = { full(node, cb) { const rec = (n) => { if (!n || typeof n.type !== 'string') return; cb(n); for (const k in n) { const v = n[k]; if (Array.isArray(v)) v.forEach(rec); else if (v && typeof v.type === 'string') rec(v); } }; rec(node); } };
const src = fs.readFileSync(process.argv[2], 'utf8');
const size = async (s) => { try { const c = (await esbuild.transform(s, { minify: true, format: 'esm', target: 'es2020' })).code; return zlib.gzipSync(c, { level: 9 }).length; } catch { return NaN; } };
const base = await size(src);
const ast = acorn.parse(src, { ecmaVersion: 'latest', sourceType: 'module' });
const items = [];
walk.full(ast, (n) => {
  if (n.type === 'MethodDefinition' || n.type === 'FunctionDeclaration' || (n.type === 'VariableDeclarator' && n.init && /Function|Class/.test(n.init.type))) items.push(n);
});
const out = [];
for (const n of items) {
  const body = n.type === 'MethodDefinition' ? n.value.body : n.type === 'FunctionDeclaration' ? n.body : n.init.body;
  if (!body || body.type !== 'BlockStatement' && body.type !== 'ClassBody' ) continue;
  const s = src.slice(0, body.start) + '{}' + src.slice(body.end);
  const name = n.key?.name ?? n.key?.value ?? n.id?.name ?? '?';
  out.push([base - await size(s), name, src.slice(n.start, n.start + 50).replace(/\n/g, ' ')]);
}
out.sort((a, b) => b[0] - a[0]);
console.log('base', base);
for (const o of out) console.log(o.join('\t'));
