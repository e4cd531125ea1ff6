/**
 * Smoke test of the BUILT package: `require('@lc/core')` and `import '@lc/core'` work on this Node,
 * the `node` condition picks the node:http entry, the browser condition never reaches node:http,
 * and errors from the built copy pass `instanceof` against the sources.
 *
 * It builds its own copy (tsup, into a temporary package directory) so that it never races a
 * concurrent `pnpm build` rewriting dist/.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, LcError, NotFoundError } from '../src/index.js';
import { startHttpServer, type HttpTestServer } from './helpers/http-server.js';

const run = promisify(execFile);
const SOURCE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PKG = mkdtempSync(path.join(os.tmpdir(), 'lc-core-smoke-'));
const DIST = path.join(PKG, 'dist');

const script = `
  const web = core.createWebClient({ api: 'agent', apiUrl: process.env.API_URL, tokenGetter: () => ({ accessToken: 't', tokenType: 'Bearer', organizationID: 'o' }), retry: false });
  const out = { resolved, exports: Object.keys(core).length, result: await web.call('list_chats') };
  try { await web.call('get_chat', { chat_id: 'nope' }); } catch (e) { out.error = [e.name, e instanceof core.NotFoundError, e.status]; }
  console.log(JSON.stringify(out));`;

let server: HttpTestServer;
beforeAll(async () => {
  // A package directory with the real package.json (name + exports) and the built output.
  copyFileSync(path.join(SOURCE, 'package.json'), path.join(PKG, 'package.json'));
  symlinkSync(path.join(SOURCE, 'node_modules'), path.join(PKG, 'node_modules'), 'dir');
  const tsup = createRequire(path.join(SOURCE, 'package.json')).resolve('tsup/dist/cli-default.js');
  await run(process.execPath, [tsup, '--out-dir', DIST, '--silent'], { cwd: SOURCE, timeout: 170_000 });
  server = await startHttpServer({ 'POST /v3.6/agent/action/list_chats': { json: { chats_summary: [] } } });
}, 180_000);
afterAll(async () => {
  await server?.close();
  rmSync(PKG, { recursive: true, force: true });
});

async function node(args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run(process.execPath, args, {
    cwd: PKG,
    env: { ...process.env, API_URL: server.url },
    timeout: 20_000,
  });
  return JSON.parse(stdout) as Record<string, unknown>;
}

describe('built package', () => {
  it("require('@lc/core') (CJS) resolves the node entry and calls a server", async () => {
    const out = await node([
      '-e',
      `(async () => { const core = require('@lc/core'); const resolved = require.resolve('@lc/core'); ${script} })()`,
    ]);
    expect(out.resolved).toBe(path.join(DIST, 'index.node.cjs'));
    expect(out.result).toEqual({ chats_summary: [] });
    expect(out.error).toEqual(['NotFoundError', true, 404]);
  });

  it("import '@lc/core' (ESM) resolves the node entry and calls a server", async () => {
    const out = await node([
      '--input-type=module',
      '-e',
      `import * as core from '@lc/core'; const resolved = import.meta.resolve('@lc/core'); ${script}`,
    ]);
    expect(out.resolved).toMatch(/\/dist\/index\.node\.js$/);
    expect(out.result).toEqual({ chats_summary: [] });
    expect(out.error).toEqual(['NotFoundError', true, 404]);
  });

  it("'@lc/core/node' exports createNodeFetch in both formats", async () => {
    const out = await node([
      '--input-type=module',
      '-e',
      `import { createRequire } from 'node:module'; import { createNodeFetch } from '@lc/core/node';
       const cjs = createRequire(process.cwd() + '/package.json')('@lc/core/node');
       console.log(JSON.stringify({ esm: typeof createNodeFetch, cjs: typeof cjs.createNodeFetch }));`,
    ]);
    expect(out).toEqual({ esm: 'function', cjs: 'function' });
  });

  it('the browser build never reaches node: modules', async () => {
    const esbuild = await import('esbuild');
    const result = await esbuild.build({
      stdin: {
        contents: "import { createWebClient } from '@lc/core'; globalThis.c = createWebClient;",
        resolveDir: PKG,
      },
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((i) => i.endsWith('dist/index.js'))).toBe(true);
    expect(inputs.filter((i) => i.startsWith('node:') || i.includes('index.node'))).toEqual([]);
    await expect(
      esbuild.build({
        stdin: { contents: "import '@lc/core/node';", resolveDir: PKG },
        bundle: true,
        platform: 'browser',
        write: false,
        logLevel: 'silent',
      }),
    ).rejects.toThrow();
  });

  it('errors of the built CJS copy are instances of the source classes (and back)', () => {
    const built = createRequire(import.meta.url)(path.join(DIST, 'index.cjs')) as typeof import('../src/index.js');
    const fromBuilt = new built.NotFoundError({ type: 'not_found', message: 'x' });
    expect(built.NotFoundError).not.toBe(NotFoundError);
    expect(fromBuilt).toBeInstanceOf(NotFoundError);
    expect(fromBuilt).toBeInstanceOf(ApiError);
    expect(fromBuilt).toBeInstanceOf(LcError);
    expect(new NotFoundError({ type: 'not_found', message: 'y' })).toBeInstanceOf(built.ApiError);
    expect(fromBuilt).not.toBeInstanceOf(built.TimeoutError);
  });
});
