// The 3.7 Configuration actions of the simulator through the real ConfigurationWeb client (3.7 by
// `apiVersion`): canned responses, translations with their batch, allowed domains, ban_customer; and
// the same actions unknown at 3.6, as the platform answers an unknown action.
import { type Token, ValidationError } from '@lc/core';
import { startSimulator, type Simulator } from '@lc/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigurationWeb } from '../src/index.js';

let sim: Simulator;
let at37: ConfigurationWeb;
let at36: ConfigurationWeb;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  const pat = (): Token => ({
    accessToken: sim.agents[0]!.basicAuth,
    organizationID: sim.organizationId,
    tokenType: 'Basic',
  });
  at37 = new ConfigurationWeb(pat, { apiUrl: sim.url, apiVersion: '3.7' });
  at36 = new ConfigurationWeb(pat, { apiUrl: sim.url });
});
afterAll(async () => {
  await sim?.close();
});

describe('3.7 Configuration actions against the simulator', () => {
  it('keeps canned responses: create, update, list by group and page, delete', async () => {
    const { id } = await at37.call<{ id: number }>('create_canned_response', {
      text: '<b>Hi!</b>',
      tags: ['greeting'],
      group_id: 0,
    });
    await at37.call('create_canned_response', { text: 'Private', tags: [], group_id: 0, is_private: true });
    await at37.call('update_canned_response', { id, tags: ['greeting', 'updated'] });
    const listed = await at37.call<any>('list_canned_responses', { limit: 1 });
    expect(listed).toMatchObject({
      found_canned_responses: 1,
      canned_responses: [
        {
          id,
          text: 'Hi!',
          tags: ['greeting', 'updated'],
          group_id: 0,
          is_private: false,
          author_id: sim.agents[0]!.id,
        },
      ],
    });
    expect((await at37.call<any>('list_canned_responses', { include_private: true })).found_canned_responses).toBe(2);
    await at37.call('delete_canned_response', { id });
    await expect(at37.call('delete_canned_response', { id })).rejects.toMatchObject({ type: 'not_found' });
    await expect(
      at37.call('create_canned_response', { text: '<i></i>', tags: [], group_id: 0 }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('updates translations one by one and in a batch, and lists them', async () => {
    await at37.call('update_translations', { group_id: 0, language: 'en', phrases: { Welcome_title: 'Hello' } });
    const batch = await at37.call<any>('batch_update_translations', {
      requests: [
        { group_id: 0, language: 'en', phrases: { Client: 'Visitor' } },
        { group_id: 0, language: 'en', phrases: { Not_a_phrase: 'x' } },
      ],
    });
    expect(batch.responses[0]).toEqual({});
    expect(batch.responses[1].error).toMatchObject({ type: 'validation' });
    expect(await at37.call('list_translations', { group_id: 0, language: 'en' })).toEqual({
      phrases: { Welcome_title: 'Hello', Client: 'Visitor' },
    });
  });

  it('keeps the allowed domains', async () => {
    await at37.call('add_allowed_domain', { domain: 'example.com' });
    expect(await at37.call('list_allowed_domains', {})).toEqual({ domains: ['example.com'] });
    await at37.call('delete_allowed_domain', { domain: 'example.com' });
    expect(await at37.call('list_allowed_domains', {})).toEqual({ domains: [] });
  });

  it('bans a customer for the given seconds (list_customer_bans shows it)', async () => {
    const { id } = sim.createCustomer();
    await expect(at37.call('ban_customer', { seconds: 60 })).rejects.toBeInstanceOf(ValidationError);
    await at37.call('ban_customer', { customer_id: id, seconds: 60 });
    expect(await at36.listCustomerBans()).toEqual(
      expect.arrayContaining([expect.objectContaining({ customer_id: id })]),
    );
  });

  it('answers the 3.7 actions as unknown at 3.6', async () => {
    await expect(at36.call('list_allowed_domains', {})).rejects.toMatchObject({
      type: 'validation',
      message: expect.stringContaining('Unknown action "list_allowed_domains"'),
    });
  });
});
