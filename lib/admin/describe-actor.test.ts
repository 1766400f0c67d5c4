import { describe, expect, it } from 'vitest';
import { describeActor } from './describe-actor';

describe('who did it, in the audit trail', () => {
  it('a user is their email, of their role', () => {
    expect(describeActor({ actorType: 'user', actorId: '7', actorLabel: 'ana@ferry.test', actorRole: 'finance' })).toEqual({ who: 'ana@ferry.test', kind: { key: 'actorRoles.finance' } });
    expect(describeActor({ actorType: 'user', actorId: '9', actorLabel: 'shopper@example.com', actorRole: 'customer' }).kind.key).toBe('actorRoles.customer');
  });

  it('a user whose account is gone is still named by id', () => {
    expect(describeActor({ actorType: 'user', actorId: '12', actorLabel: null, actorRole: null })).toEqual({ who: '#12', kind: { key: 'actorTypes.user' } });
  });

  it('a job by its name, a partner by its key id, a gateway by its source', () => {
    expect(describeActor({ actorType: 'system', actorId: null, actorLabel: 'reservation-expiry' }).who).toBe('reservation-expiry');
    expect(describeActor({ actorType: 'system', actorId: 'auto', actorLabel: 'purchasing worker' }).who).toBe('purchasing worker');
    expect(describeActor({ actorType: 'partner', actorId: 'pk_live_abc', actorLabel: null })).toEqual({ who: 'pk_live_abc', kind: { key: 'actorTypes.partner' } });
    expect(describeActor({ actorType: 'gateway', actorId: 'sandbox', actorLabel: null })).toEqual({ who: 'sandbox', kind: { key: 'actorTypes.gateway' } });
  });
});
