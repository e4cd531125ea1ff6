import type { RawResponse, Send } from './transport.js';

/**
 * A Web transport over `XMLHttpRequest`, for uploads that report progress in browsers: `fetch` has
 * no upload progress in Chromium (request streams need HTTP/2 and give no byte counts), while
 * `XMLHttpRequest.upload` fires `progress` events as the body goes out. `control.onProgress` gets
 * bytes sent and the body's total; the last call has `sent === total` once the whole body is out.
 *
 * Pass it per call (`transport: xhrSend`): a page that never uploads never bundles it. Unlike the
 * fetch transport, the browser follows redirects here (the APIs never redirect).
 */
export const xhrSend =
  (base: string): Send =>
  (method, path, headers, body, control) =>
    new Promise<RawResponse>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(method, base + path);
      for (const name in headers) xhr.setRequestHeader(name, headers[name]!);
      const progress = control.onProgress;
      if (progress) {
        let last = -1;
        const report = (sent: number, total: number): void => {
          if (sent === last) return;
          last = sent;
          progress(sent, total);
        };
        xhr.upload.onprogress = (event) => event.lengthComputable && report(event.loaded, event.total);
        // `load` of the upload: the whole body is out (a last `progress` event may not have said so).
        xhr.upload.onload = (event) => event.lengthComputable && report(event.total, event.total);
      }
      // Failures reject with a TypeError like fetch's; the client turns it into a ConnectionError.
      xhr.onerror = () => reject(new TypeError('XMLHttpRequest failed (network error)'));
      xhr.onload = () =>
        resolve({ status: xhr.status, statusText: xhr.statusText, text: xhr.responseText, headers: headersOf(xhr) });
      control.abort = (reason) => {
        reject(reason);
        xhr.abort();
      };
      xhr.send(body ?? null);
    });

/** The response headers, looked up by lower-cased name (repeated ones joined by `, `, as the browser gives them). */
function headersOf(xhr: XMLHttpRequest): RawResponse['headers'] {
  const map = new Map<string, string>();
  for (const line of xhr.getAllResponseHeaders().split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) map.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { get: (name) => map.get(name.toLowerCase()) ?? null, forEach: (fn) => map.forEach(fn) };
}
