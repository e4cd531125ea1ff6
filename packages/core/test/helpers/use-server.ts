import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type HttpTestServer, startHttpServer } from './http-server.js';

/** One test server for the calling file: started before its tests, closed after, request log cleared per test. */
export function useHttpServer(): () => HttpTestServer {
  let server: HttpTestServer;
  beforeAll(async () => {
    server = await startHttpServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
  });
  return () => server;
}
