// The generated wire tables as core reads them: one decoder for every API and version.
import { describe, expect, it } from 'vitest';
import { decodeWire } from '../src/wire/index.js';
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
    const agent = decodeWire(WIRE.agent.versions['3.6']!);
    expect(agent.get('list_threads')).toEqual(['wrsp', 'chat_id']);
    expect(agent.get('list_archives')).toEqual(['wrsp', undefined]);
    expect(agent.get('get_chat')?.[0]).not.toContain('p');
  });
});
