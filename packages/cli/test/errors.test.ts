import { AuthorizationError, MisdirectedRequestError, TimeoutError, ValidationError } from '@lc/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXIT, reportError, UsageError } from '../src/errors.js';
import { addSecret } from '../src/output.js';

const stderr = () => {
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  return () => spy.mock.calls.map((c) => String(c[0])).join('');
};
afterEach(() => vi.restoreAllMocks());

describe('reportError', () => {
  it('a region error: exit 1 and a hint naming the region', () => {
    const read = stderr();
    const error = new MisdirectedRequestError(
      { type: 'misdirected_request', message: 'Wrong region', data: { region: 'fra' } },
      { action: 'list_chats', status: 421 },
    );
    expect(reportError(error, 'agent list_chats', false)).toBe(EXIT.api);
    expect(read()).toBe(
      'lc: agent list_chats: misdirected_request: Wrong region (hint: the organization lives in region "fra": set LC_REGION=fra)\n',
    );
  });

  it('maps the error families to the documented exit codes', () => {
    stderr();
    expect(reportError(new UsageError('bad'), '', false)).toBe(2);
    expect(reportError(new AuthorizationError({ type: 'authorization', message: 'no' }), '', false)).toBe(4);
    expect(reportError(new ValidationError({ type: 'validation', message: 'no' }), '', false)).toBe(1);
    expect(reportError(new TimeoutError(5), '', false)).toBe(3);
  });

  it('redacts a registered secret from the message and the --debug dump', () => {
    const read = stderr();
    addSecret('s3cr3t-token-value');
    reportError(new ValidationError({ type: 'validation', message: 'bad token s3cr3t-token-value' }), 'x', true);
    expect(read()).not.toContain('s3cr3t-token-value');
    expect(read()).toContain('[redacted]');
  });
});
