import { describe, expect, it } from 'vitest';
import { parseWarehouseAddress } from './warehouse-address';

describe('warehouse address', () => {
  it('has a complete demo address by default', () => {
    const address = parseWarehouseAddress({});
    expect(address).toMatchObject({ provinceText: '广东省', cityText: '深圳市', postCode: '518000' });
    expect(Object.values(address).every((value) => value.length > 0)).toBe(true);
  });

  it('takes the agent’s own address from WAREHOUSE_* and ignores other variables', () => {
    const address = parseWarehouseAddress({ WAREHOUSE_CITY: '义乌市', WAREHOUSE_POSTCODE: '322000', WAREHOUSE_AREA: '', DATABASE_URL: 'x' });
    expect(address.cityText).toBe('义乌市');
    expect(address.postCode).toBe('322000');
    expect(address.areaText).toBe('宝安区');
  });

  it('names the variable that is wrong', () => {
    expect(() => parseWarehouseAddress({ WAREHOUSE_POSTCODE: '12345' })).toThrow(/WAREHOUSE_POSTCODE/);
    expect(() => parseWarehouseAddress({ WAREHOUSE_MOBILE: 'call me' })).toThrow(/WAREHOUSE_MOBILE/);
  });
});
