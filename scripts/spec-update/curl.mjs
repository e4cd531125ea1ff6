// A Web API request sample is a curl command. Its payload is the `-d '<json>'` body (POST), the query
// string (GET: Customer's GET actions, Reports), or `-F` form fields (multipart `upload_file`).
import { parseSample } from './jsonc.mjs';

/**
 * `{ encoding, value | invalid, http_method, url }` for one curl command. `encoding` is `json` (a -d
 * body), `query` (parameters in the URL), `multipart` (-F fields) or `none` (no payload at all).
 */
export function curlPayload(text) {
  const joined = text.replace(/\\\n/g, ' ');
  const method = /-X\s+([A-Z]+)/.exec(joined)?.[1] ?? (/\s-d\s|--data/.test(joined) ? 'POST' : 'GET');
  const url = /(https?:\/\/[^\s'"\\]+)/.exec(joined)?.[1] ?? '';
  const data = /(?:-d|--data(?:-raw|-binary)?)\s+'([\s\S]*?)'(?=\s*$|\s+-)/.exec(text);
  if (data) return { encoding: 'json', http_method: method, url, ...parseSample(data[1]) };
  const forms = [...joined.matchAll(/-F\s+'?([^=\s']+)=([^'\s]*)'?/g)];
  if (forms.length) {
    return {
      encoding: 'multipart',
      http_method: method,
      url,
      value: Object.fromEntries(forms.map((f) => [f[1], f[2]])),
    };
  }
  const query = url.split('?')[1];
  if (query && method === 'GET') {
    const params = {};
    for (const [k, v] of new URLSearchParams(query)) params[k] = k in params ? [].concat(params[k], v) : v;
    return { encoding: 'query', http_method: method, url, value: params };
  }
  return { encoding: 'none', http_method: method, url, value: {} };
}
