import { describe, expect, it } from 'vitest';
import { webhookConsumers } from '@/lib/webhooks/consumers';
import { webhookSweepers } from './webhook-consumers';

describe('the webhook consumers registry', () => {
  it('has one sweeper per consumer, each sweeping under its own name', () => {
    expect(Object.keys(webhookSweepers).sort()).toEqual([...webhookConsumers].sort());
    for (const [name, sweeper] of Object.entries(webhookSweepers)) expect(sweeper.consumer).toBe(name);
  });
});
