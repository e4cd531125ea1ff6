// uploadFile with onProgress and a signal on Node: progress comes from the node:http request stream
// (the Node entry of @lc/core); the simulator stores the file and serves it back.
import { AbortError, InputError } from '@lc/core';
import { startSimulator, type Simulator } from '@lc/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerWeb, UploadProgress } from '../src/index.js';
import { webFor } from './sim-helpers.js';

let sim: Simulator;
let web: CustomerWeb;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  web = webFor(sim, sim.createCustomer());
});
afterAll(async () => {
  await sim?.close();
});

const image = (bytes: number): Blob => {
  const data = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) data[i] = (i * 31) & 0xff;
  return new Blob([data], { type: 'image/png' });
};

describe('uploadFile with progress', () => {
  it('reports bytes sent as the body goes out, up to the total, and the file arrives whole', async () => {
    const file = image(700_000);
    const progress: UploadProgress[] = [];
    const { url } = await web.uploadFile({ file, filename: 'photo.png' }, { onProgress: (p) => progress.push(p) });
    expect(progress.length).toBeGreaterThan(5);
    const total = progress[0]!.total;
    // The multipart body: the file plus its framing.
    expect(total).toBeGreaterThan(file.size);
    expect(total).toBeLessThan(file.size + 1024);
    expect(progress.every((p) => p.total === total)).toBe(true);
    expect(progress.map((p) => p.sent)).toEqual([...progress.map((p) => p.sent)].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual({ sent: total, total });
    const served = Buffer.from(await (await fetch(url)).arrayBuffer());
    expect(served.equals(Buffer.from(await file.arrayBuffer()))).toBe(true);
  });

  it('cancels with the signal mid-upload: AbortError, and nothing is stored', async () => {
    const controller = new AbortController();
    const before = sim.requests({ action: 'upload_file' }).length;
    const progress: number[] = [];
    const upload = web.uploadFile(
      { file: image(2_000_000) },
      {
        signal: controller.signal,
        onProgress: ({ sent }) => {
          progress.push(sent);
          if (progress.length === 2) controller.abort();
        },
      },
    );
    await expect(upload).rejects.toBeInstanceOf(AbortError);
    expect(progress).toHaveLength(2);
    // The request never completed: the simulator has no upload from it.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sim.requests({ action: 'upload_file' })).toHaveLength(before);
  });

  it('a throwing progress listener does not fail the upload; a non-function is refused before sending', async () => {
    const { url } = await web.uploadFile(
      { file: image(100_000) },
      {
        onProgress: () => {
          throw new Error('listener bug');
        },
      },
    );
    expect(url).toMatch(/^http/);
    await expect(web.uploadFile({ file: image(10) }, { onProgress: 'yes' as never })).rejects.toBeInstanceOf(
      InputError,
    );
  });
});
