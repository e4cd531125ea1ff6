// Type tests of the widget helpers (run by `vitest` typecheck): both clients fit, and the types say
// what each helper yields and accepts.
import type { Thread, ThreadEvent } from '@lc/core';
import { describe, expectTypeOf, test } from 'vitest';
import {
  type ChatRating,
  type ConnectionStatus,
  type CustomerRTM,
  type CustomerWeb,
  chatHistory,
  connectionStatus,
  rateChat,
  type UploadProgress,
} from '../src/index.js';

declare const web: CustomerWeb;
declare const rtm: CustomerRTM;

describe('widget helpers', () => {
  test('chatHistory takes either client and yields events, or threads when asked', () => {
    expectTypeOf(chatHistory(web, { chat_id: 'C' })).toEqualTypeOf<AsyncGenerator<ThreadEvent, void, undefined>>();
    expectTypeOf(chatHistory(rtm, { chat_id: 'C', as: 'threads' })).toEqualTypeOf<
      AsyncGenerator<Thread, void, undefined>
    >();
  });

  test('rateChat takes a score (with an optional comment) or a comment, nothing else', () => {
    rateChat(rtm, { chat_id: 'C', score: 1 });
    rateChat(web, { chat_id: 'C', score: 0, comment: 'slow' });
    rateChat(rtm, { chat_id: 'C', comment: 'just a comment' });
    // @ts-expect-error: neither a score nor a comment
    rateChat(rtm, { chat_id: 'C' });
    // @ts-expect-error: scores are 0 (bad) and 1 (good)
    rateChat(rtm, { chat_id: 'C', score: 5 });
    expectTypeOf<ChatRating['score']>().toEqualTypeOf<0 | 1 | undefined>();
  });

  test('connectionStatus narrows on status', () => {
    connectionStatus(rtm).subscribe((status: ConnectionStatus) => {
      if (status.status === 'reconnecting') expectTypeOf(status.delay).toEqualTypeOf<number>();
      if (status.status === 'disconnected') expectTypeOf(status.reason).toEqualTypeOf<string | undefined>();
    });
  });

  test('uploadFile reports bytes sent and total', () => {
    web.uploadFile(
      { file: new Blob([]) },
      { onProgress: (progress) => expectTypeOf(progress).toEqualTypeOf<UploadProgress>() },
    );
    // @ts-expect-error: RTM has no upload_file
    rtm.uploadFile;
  });
});
