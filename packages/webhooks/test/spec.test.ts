import { describe, expect, it } from 'vitest';
import { WEBHOOK_ACTIONS, isKnownWebhook, isWebhookAction, parseWebhook } from '../src/index.js';
import { SPEC_WEBHOOKS } from './spec-webhooks.generated.js';
import { SECRET, envelopeFor, spec } from './helpers.js';

describe('the spec (spec/pushes-webhooks.json)', () => {
  it('has exactly the 38 actions of WEBHOOK_ACTIONS', () => {
    const specActions = spec.webhooks.map((w) => w.action).sort();
    expect(specActions).toHaveLength(38);
    expect([...WEBHOOK_ACTIONS].sort()).toEqual(specActions);
    expect(new Set(WEBHOOK_ACTIONS).size).toBe(WEBHOOK_ACTIONS.length);
  });

  it('matches test/spec-webhooks.generated.ts (run `pnpm generate` if not)', () => {
    const fromSpec = Object.fromEntries(
      spec.webhooks.map((w) => [
        w.action,
        {
          payload_shape: w.payload_shape,
          payload_fields: w.payload_fields,
          envelope_fields: w.envelope_fields,
          available_filters: w.available_filters,
        },
      ]),
    );
    expect(SPEC_WEBHOOKS).toEqual(fromSpec);
  });
});

describe.each(spec.webhooks.map((w) => [w.action, w] as const))('parseWebhook: %s', (action, w) => {
  const envelope = envelopeFor(w);

  it('returns that action, a known webhook, with every documented field kept', () => {
    const webhook = parseWebhook(JSON.stringify(envelope));
    expect(webhook.action).toBe(action);
    expect(isWebhookAction(webhook.action)).toBe(true);
    expect(isKnownWebhook(webhook)).toBe(true);
    expect(webhook.payload).toEqual(envelope.payload);
    const fields = w.payload_shape === 'array' ? (webhook.payload as object[])[0] : webhook.payload;
    expect(Object.keys(fields as object).sort()).toEqual([...w.payload_fields].sort());
    expect(webhook.secret_key).toBe(SECRET);
    if (w.envelope_fields.includes('requester')) {
      expect((webhook as { requester?: unknown }).requester).toEqual(envelope.requester);
    }
  });

  it('parses the same from bytes and from an already-parsed object', () => {
    const bytes = new TextEncoder().encode(JSON.stringify(envelope));
    expect(parseWebhook(bytes).payload).toEqual(envelope.payload);
    expect(parseWebhook(envelope).payload).toEqual(envelope.payload);
  });
});
