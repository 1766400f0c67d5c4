import { describe, expect, it } from 'vitest';
import { FaultError, Faults } from './faults';

describe('Faults', () => {
  it('passes everything by default', () => {
    const faults = new Faults();
    expect(faults.decide('alibaba.cross.productInfo', 'api', () => 0)).toEqual({ latencyMs: 0, outcome: 'pass' });
  });

  it('fails exactly the next N matching calls, with the chosen kind', () => {
    const faults = new Faults();
    faults.update({ failNext: 2, failWith: 'refuse', apis: ['alibaba.trade.createCrossOrder'] });
    expect(faults.decide('alibaba.cross.productInfo', 'api').outcome).toBe('pass');
    expect(faults.decide('alibaba.trade.createCrossOrder', 'api').outcome).toBe('refuse');
    expect(faults.decide('alibaba.trade.createCrossOrder', 'api').outcome).toBe('refuse');
    expect(faults.decide('alibaba.trade.createCrossOrder', 'api').outcome).toBe('pass');
  });

  it('splits one random draw between error, timeout and refusal by their rates', () => {
    const faults = new Faults();
    faults.update({ errorRate: 0.2, timeoutRate: 0.3, refuseRate: 0.1, latencyMs: 40 });
    const at = (r: number) => faults.decide('x', 'api', () => r);
    expect(at(0.1)).toEqual({ latencyMs: 40, outcome: 'error' });
    expect(at(0.45).outcome).toBe('timeout');
    expect(at(0.55).outcome).toBe('refuse');
    expect(at(0.65)).toEqual({ latencyMs: 40, outcome: 'pass' });
  });

  it('leaves token refreshes and images alone unless they are named', () => {
    const faults = new Faults();
    faults.update({ errorRate: 1 });
    expect(faults.decide('getToken', 'getToken', () => 0).outcome).toBe('pass');
    expect(faults.decide('img', 'img', () => 0).outcome).toBe('pass');
    faults.update({ apis: ['img'] });
    expect(faults.decide('img', 'img', () => 0).outcome).toBe('error');
    expect(faults.decide('alibaba.cross.productInfo', 'api', () => 0).outcome).toBe('pass');
  });

  it('rejects invalid settings without changing the current ones', () => {
    const faults = new Faults();
    faults.update({ latencyMs: 10 });
    expect(() => faults.update({ errorRate: 2 })).toThrow(FaultError);
    expect(() => faults.update({ errorRate: 0.6, refuseRate: 0.6 })).toThrow(/exceed 1/);
    expect(() => faults.update({ chaos: true })).toThrow(/unknown fault setting/);
    expect(faults.settings.latencyMs).toBe(10);
    faults.reset();
    expect(faults.settings.latencyMs).toBe(0);
  });
});
