// The 3.7 entry's types come from the 3.7 spec: its 11 new actions exist there, and only there.
import { describe, expectTypeOf, test } from 'vitest';
import type { ConfigurationWeb as ConfigurationWeb36 } from '../src/index.js';
import type { BatchResult, CannedResponse, ConfigurationWeb, EmptyResponse } from '../src/v3.7.js';

declare const web: ConfigurationWeb;
declare const web36: ConfigurationWeb36;

describe('@lc/configuration/v3.7', () => {
  test('the 3.7 actions are typed from their docs samples', () => {
    expectTypeOf(web.listCannedResponses)
      .returns.resolves.toHaveProperty('canned_responses')
      .toEqualTypeOf<CannedResponse[]>();
    expectTypeOf(web.batchUpdateTranslations).returns.resolves.toEqualTypeOf<BatchResult<EmptyResponse>>();
    expectTypeOf(web.listTranslations).returns.resolves.toEqualTypeOf<{ phrases: Record<string, string> }>();
  });

  test('the 3.6 root has none of them', () => {
    // @ts-expect-error a 3.7 action
    void web36.batchUpdateTranslations;
    // @ts-expect-error a 3.7 action
    void web36.createCannedResponse;
  });

  test('the 3.7 requests are checked', () => {
    // @ts-expect-error `language` is required
    void web.updateTranslations({ group_id: 0, phrases: {} });
    // @ts-expect-error `tags` is required
    void web.createCannedResponse({ text: 'Hi', group_id: 0 });
  });
});
