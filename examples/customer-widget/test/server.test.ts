import { afterEach, describe, expect, it } from 'vitest';
import { startWidgetServer, type WidgetServer } from '../src/server.mjs';

let server: WidgetServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('examples/customer-widget dev server', () => {
  it('serves the page with its configuration inlined and the bundled widget', async () => {
    server = await startWidgetServer({
      config: { organizationId: 'org-1', clientId: 'client</script><b>x', apiUrl: 'ws://127.0.0.1:1' },
    });
    const html = await (await fetch(server.url)).text();
    const json = /<script id="lc-config" type="application\/json">(.*?)<\/script>/s.exec(html)?.[1];
    // A value cannot close the script element, and the page still reads it back intact.
    expect(json).not.toContain('</');
    expect(JSON.parse(json!)).toEqual({
      organizationId: 'org-1',
      clientId: 'client</script><b>x',
      apiUrl: 'ws://127.0.0.1:1',
    });

    const res = await fetch(new URL('/widget.js', server.url));
    expect(res.headers.get('content-type')).toContain('text/javascript');
    const js = await res.text();
    expect(js.length).toBe(server.bundleBytes);
    // The browser build of the SDK: no Node built-ins, no `ws`.
    // (booleans: a failure message should not print the whole bundle)
    expect(/["']node:|require\(["']ws["']\)/.test(js)).toBe(false);
    expect(js.includes('/rtm/ws') && js.includes('mountChatWidget')).toBe(true);

    expect((await fetch(new URL('/nope', server.url))).status).toBe(404);
    expect((await fetch(server.url, { method: 'POST' })).status).toBe(405);
  });
});
