// @ts-check
// A tiny dev server for the widget: bundles src/widget.mjs with esbuild (browser build of the SDK,
// the page's own WebSocket) and serves one page with the configuration inlined.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const entry = fileURLToPath(new URL('./widget.mjs', import.meta.url));

/**
 * @typedef {object} WidgetServerOptions
 * @property {import('./widget.mjs').WidgetConfig} config What the page connects to.
 * @property {number} [port] Default 0: a free port.
 * @property {string} [host] Default `127.0.0.1`: the simulator's host too, so the cookie grant's
 *   cookies are same-site.
 * @property {boolean} [minify] Default true.
 */

/**
 * @typedef {object} WidgetServer
 * @property {string} url The page, e.g. `http://127.0.0.1:5173/`.
 * @property {number} bundleBytes Size of the widget bundle (SDK included), not compressed.
 * @property {() => Promise<void>} close
 */

/**
 * Bundles the widget with the SDK's browser build (esbuild's `browser` platform resolves the
 * `browser` export condition; nothing Node-only ends up in it).
 * @param {boolean} [minify]
 * @param {'' | 'inline'} [sourcemap] `inline` for a debugging build.
 * @returns {Promise<string>} the bundle's code
 */
export async function bundleWidget(minify = true, sourcemap = '') {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify,
    write: false,
    ...(sourcemap === 'inline' ? { sourcemap: 'inline' } : {}),
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no output');
  return file.text;
}

/**
 * Starts the page server.
 * @param {WidgetServerOptions} options
 * @returns {Promise<WidgetServer>}
 */
export async function startWidgetServer(options) {
  const script = await bundleWidget(options.minify ?? true);
  const html = page(options.config);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const send = (/** @type {number} */ status, /** @type {string} */ type, /** @type {string} */ body) => {
      res.writeHead(status, {
        'content-type': type,
        'cache-control': 'no-store',
        'content-length': Buffer.byteLength(body),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') send(405, 'text/plain; charset=utf-8', 'Method Not Allowed');
    else if (path === '/' || path === '/index.html') send(200, 'text/html; charset=utf-8', html);
    else if (path === '/widget.js') send(200, 'text/javascript; charset=utf-8', script);
    else if (path === '/favicon.ico') send(204, 'text/plain', '');
    else send(404, 'text/plain; charset=utf-8', 'Not Found');
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve(undefined));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://${host}:${port}/`,
    bundleBytes: Buffer.byteLength(script),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** @param {import('./widget.mjs').WidgetConfig} config */
function page(config) {
  // `<` escaped so no value can close the script element.
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>LiveChat SDK — customer widget example</title>
<style>
  :root { font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24; background: #eef1f5; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; }
  .lc-widget { width: min(440px, 96vw); height: min(940px, 96vh); display: flex; flex-direction: column; background: #fff;
    border-radius: 14px; box-shadow: 0 10px 30px rgba(20, 30, 50, .18); overflow: hidden; }
  .lc-header { display: flex; justify-content: space-between; align-items: center; padding: 14px 16px; background: #2454d6; color: #fff; }
  .lc-title { font-weight: 600; }
  .lc-state { font-size: 12px; padding: 3px 9px; border-radius: 999px; background: rgba(255,255,255,.18); }
  .lc-widget [hidden] { display: none; }
  .lc-state::before { content: "●"; margin-right: 5px; color: #ffcf4a; }
  .lc-state[data-status="connected"]::before { color: #5df08f; }
  .lc-state[data-status="disconnected"]::before { color: #ff7b7b; }
  .lc-greeting { display: flex; gap: 8px; align-items: center; padding: 8px 14px; background: #fff7dd; font-size: 13px; }
  .lc-greeting-text { flex: 1; }
  .lc-earlier { margin: 8px auto 0; padding: 4px 12px; border: 1px solid #cfd6e0; border-radius: 999px; background: #fff; color: #2454d6; font: inherit; font-size: 12px; cursor: pointer; }
  .lc-earlier:disabled { color: #8a94a3; cursor: default; }
  .lc-image { display: block; max-width: 220px; max-height: 160px; border-radius: 8px; }
  .lc-upload { display: flex; gap: 8px; align-items: center; padding: 6px 12px; font-size: 12px; border-top: 1px solid #e3e7ee; }
  .lc-upload progress { flex: 1; height: 10px; }
  .lc-upload-name { max-width: 120px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .lc-rating { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; padding: 8px 12px; font-size: 12px; border-top: 1px solid #e3e7ee; }
  .lc-chip { padding: 3px 10px; border: 1px solid #cfd6e0; border-radius: 999px; background: #fff; font: inherit; cursor: pointer; }
  .lc-chip.lc-chosen { background: #2454d6; border-color: #2454d6; color: #fff; }
  .lc-comment { flex: 1; min-width: 120px; padding: 4px 8px; border: 1px solid #cfd6e0; border-radius: 6px; font: inherit; }
  .lc-rating-state { flex-basis: 100%; color: #3d7a4f; }
  .lc-link { border: 0; background: none; color: #2454d6; font: inherit; cursor: pointer; padding: 0 4px; }
  .lc-attach { padding: 9px 10px; border: 1px solid #cfd6e0; border-radius: 8px; font-size: 13px; cursor: pointer; color: #2454d6; }
  .lc-footer { display: flex; justify-content: flex-end; padding: 0 10px 8px; font-size: 12px; }
  .lc-messages { flex: 1; margin: 0; padding: 14px; list-style: none; overflow-y: auto; display: flex; flex-direction: column; gap: 8px; }
  .lc-msg { max-width: 80%; padding: 8px 11px; border-radius: 12px; }
  .lc-customer { align-self: flex-end; background: #2454d6; color: #fff; border-bottom-right-radius: 3px; }
  .lc-agent { align-self: flex-start; background: #eef1f5; border-bottom-left-radius: 3px; }
  .lc-system { align-self: center; max-width: 95%; font-size: 12px; color: #5b6470; background: none; padding: 2px; text-align: center; }
  .lc-meta { font-size: 11px; opacity: .75; margin-bottom: 2px; }
  .lc-composer { display: flex; gap: 8px; padding: 10px; border-top: 1px solid #e3e7ee; }
  .lc-input { flex: 1; padding: 9px 11px; border: 1px solid #cfd6e0; border-radius: 8px; font: inherit; }
  .lc-send { padding: 9px 16px; border: 0; border-radius: 8px; background: #2454d6; color: #fff; font: inherit; cursor: pointer; }
</style>
</head>
<body>
<div id="lc-chat"></div>
<script id="lc-config" type="application/json">${json}</script>
<script type="module" src="/widget.js"></script>
</body>
</html>
`;
}
