import { LcError } from '@lc/core';
import { describe, expect, it } from 'vitest';
import { expectNoSecret } from '../../../test-utils/fuzz.js';
import { WebhookError, createWebhookHandler, isKnownWebhook, isWebhookOf, parseWebhook } from '../src/index.js';
import { SECRET, sample } from './helpers.js';

function reasonOf(fn: () => unknown): { reason: string; field: string | undefined; error: WebhookError } {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookError);
    expect(error).toBeInstanceOf(LcError);
    const e = error as WebhookError;
    return { reason: e.reason, field: e.field, error: e };
  }
  throw new Error('did not throw');
}

describe('parseWebhook is lenient', () => {
  it('keeps fields it does not know, in the envelope and in the payload', () => {
    const body = sample('incoming_event');
    body.delivery_attempt = 3;
    (body.payload as Record<string, unknown>).brand_new_field = { nested: true };
    const webhook = parseWebhook(JSON.stringify(body));
    expect((webhook as unknown as Record<string, unknown>).delivery_attempt).toBe(3);
    expect((webhook.payload as Record<string, unknown>).brand_new_field).toEqual({ nested: true });
  });

  it('returns an unknown action as a generic webhook instead of throwing', () => {
    const body = { ...sample('incoming_chat'), action: 'chat_teleported', payload: { chat_id: 'X', where: 'mars' } };
    const webhook = parseWebhook(body);
    expect(webhook.action).toBe('chat_teleported');
    expect(webhook.payload).toEqual({ chat_id: 'X', where: 'mars' });
    expect(isKnownWebhook(webhook)).toBe(false);
    expect(isWebhookOf(webhook, 'incoming_chat')).toBe(false);
  });

  it("accepts the docs' auto_accesses_updated sample action spelling as an unknown webhook", () => {
    const body = { ...sample('auto_accesses_updated'), action: 'auto_access_added' };
    expect(parseWebhook(body).action).toBe('auto_access_added');
  });

  it('does not need additional_data or requester', () => {
    const body = sample('chat_transferred');
    delete body.additional_data;
    expect(parseWebhook(body).action).toBe('chat_transferred');
  });

  it('does not change the object it is given', () => {
    const body = sample('thread_tagged');
    const before = JSON.stringify(body);
    const webhook = parseWebhook(body);
    expect(webhook).not.toBe(body);
    expect(JSON.stringify(body)).toBe(before);
  });

  it('reads UTF-8 bytes with a BOM and from an ArrayBuffer', () => {
    const text = JSON.stringify(sample('thread_tagged'));
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    expect(parseWebhook(bytes).action).toBe('thread_tagged');
    expect(parseWebhook(bytes.slice(3).buffer).action).toBe('thread_tagged');
  });
});

describe('parseWebhook keeps the secret out of logs', () => {
  it('secret_key is readable but not enumerable', () => {
    const webhook = parseWebhook(sample('incoming_chat'));
    expect(webhook.secret_key).toBe(SECRET);
    expect(JSON.stringify(webhook)).not.toContain(SECRET);
    expect(Object.keys(webhook)).not.toContain('secret_key');
    expect(String(Object.entries(webhook))).not.toContain(SECRET);
  });
});

describe('a corrupted body never puts the secret into the error', () => {
  const secret = 'Zq4f9Kx2Pm7Rt8Vw3Yb6Nc';
  const corrupted = [
    `{"action":"incoming_chat","secret_key":${secret},"webhook_id":"w1"}`,
    `{"action":"incoming_chat","secret_key":"${secret}""webhook_id":"w1"}`,
    `{"secret_key":"${secret}`,
  ];

  it.each(corrupted)(
    'parseWebhook(%s) throws invalid_json without the body in message, cause, stack, JSON or inspect',
    (body) => {
      const r = reasonOf(() => parseWebhook(body));
      expect(r.reason).toBe('invalid_json');
      expectNoSecret(r.error, [secret]);
    },
  );

  it.each(corrupted)('the handler tells onError about %s without the body', async (body) => {
    const errors: unknown[] = [];
    const handler = createWebhookHandler({ secret, onError: (e) => errors.push(e) });
    const answer = await handler.handle({ method: 'POST', body });
    expect(answer.status).toBe(400);
    expect(answer.body).not.toContain(secret.slice(0, 6));
    expect(errors).toHaveLength(1);
    expectNoSecret(errors[0], [secret]);
  });
});

describe('parseWebhook refuses what is not a webhook, with a typed reason', () => {
  it('invalid JSON and invalid UTF-8 → invalid_json', () => {
    expect(reasonOf(() => parseWebhook('{"action":')).reason).toBe('invalid_json');
    expect(reasonOf(() => parseWebhook(new Uint8Array([0x7b, 0xff, 0x7d]))).reason).toBe('invalid_json');
    expect(reasonOf(() => parseWebhook('')).reason).toBe('invalid_json');
  });

  it.each([
    ['an array', '[]', undefined],
    ['a number', '42', undefined],
    ['null', 'null', undefined],
  ])('%s → not_a_webhook', (_name, body, field) => {
    const r = reasonOf(() => parseWebhook(body));
    expect(r.reason).toBe('not_a_webhook');
    expect(r.field).toBe(field);
    expect(r.error.status).toBe(400);
  });

  it.each([
    ['action', undefined],
    ['action', ''],
    ['action', 7],
    ['secret_key', undefined],
    ['webhook_id', null],
    ['organization_id', undefined],
    ['payload', undefined],
    ['payload', 'text'],
    ['payload', null],
    ['additional_data', 'x'],
    ['requester', []],
  ])('%s = %j → not_a_webhook naming the field', (field, value) => {
    const body: Record<string, unknown> = sample('agent_created');
    if (value === undefined) delete body[field];
    else body[field] = value;
    const r = reasonOf(() => parseWebhook(body));
    expect(r.reason).toBe('not_a_webhook');
    expect(r.field).toBe(field);
  });

  it('error messages and JSON never contain the body or the secret', () => {
    const body = { ...sample('incoming_chat'), organization_id: 5 };
    const { error } = reasonOf(() => parseWebhook(JSON.stringify(body)));
    expect(error.message).not.toContain(SECRET);
    expect(JSON.stringify(error)).not.toContain(SECRET);
  });
});
