// The generated wire tables as core reads them: one decoder for every API and version.
import { describe, expect, it } from 'vitest';
import { decodeWire, pageFields } from '../src/wire/index.js';
import { WIRE } from './helpers/wire.js';

describe('wire tables', () => {
  it('decode to the flags the docs give', () => {
    const customer = decodeWire(WIRE.customer.versions['3.6']!);
    expect(customer.get('list_license_properties')?.[0]).toBe('wgns');
    expect(customer.get('check_goals')?.[0]).toBe('w');
    expect(customer.get('login')?.[0]).toBe('r');
    expect(decodeWire(WIRE.configuration.versions['3.6']!).get('list_webhook_names')?.[0]).toContain('n');
    expect(decodeWire(WIRE.agent.versions['3.6']!).get('upload_file')?.[0]).toBe('wu');
  });

  it('give the fields later pages send with page_id', () => {
    expect(pageFields(WIRE.agent, '3.6', 'list_threads')).toEqual(['chat_id']);
    expect(pageFields(WIRE.agent, '3.6', 'list_archives')).toEqual([]);
    expect(pageFields(WIRE.customer, '3.6', 'get_chat')).toEqual([]);
    expect(pageFields(WIRE.customer, '9.9', 'list_threads')).toEqual([]);
  });
});
