import { describe, expect, it } from 'vitest';
import { moneyColumns } from './money-columns';

describe('the admin price table’s currency columns', () => {
  it('names what each column is: marketplace, charged, reporting', () => {
    expect(moneyColumns('EUR', 'USD')).toEqual([
      { role: 'marketplace', currency: 'CNY' },
      { role: 'charged', currency: 'EUR' },
      { role: 'reporting', currency: 'USD' },
    ]);
  });

  it('never shows the same currency twice: a USD order on a USD-reporting shop has one column for both', () => {
    const columns = moneyColumns('USD', 'USD');
    expect(columns.map((c) => c.currency)).toEqual(['CNY', 'USD']);
    expect(columns[1]!.role).toBe('chargedAndReporting');
  });
});
