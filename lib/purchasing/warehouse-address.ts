import 'server-only';
import { z } from 'zod';
import type { WarehouseAddress } from '@/lib/suppliers/types';

/**
 * Where sellers ship what Ferry buys: the agent's China warehouse, from `WAREHOUSE_*` env vars.
 * The defaults are a demo address (documented in the README's configuration table); a real agent
 * sets its own. Read once; an invalid value stops purchasing with a message naming the variable.
 */
const schema = z.object({
  WAREHOUSE_NAME: z.string().trim().min(1).max(60).default('Ferry 集运仓'),
  WAREHOUSE_MOBILE: z
    .string()
    .regex(/^\+?[0-9-]{6,20}$/, 'a phone number')
    .default('13800138000'),
  WAREHOUSE_POSTCODE: z
    .string()
    .regex(/^\d{6}$/, 'a 6-digit Chinese postcode')
    .default('518000'),
  WAREHOUSE_PROVINCE: z.string().trim().min(1).max(30).default('广东省'),
  WAREHOUSE_CITY: z.string().trim().min(1).max(30).default('深圳市'),
  WAREHOUSE_AREA: z.string().trim().min(1).max(30).default('宝安区'),
  WAREHOUSE_ADDRESS: z.string().trim().min(4).max(200).default('福永街道凤凰第一工业区 8 栋 1 楼 Ferry 收货处'),
});

let cached: WarehouseAddress | undefined;

export function parseWarehouseAddress(source: Record<string, string | undefined>): WarehouseAddress {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([key, value]) => key.startsWith('WAREHOUSE_') && value !== undefined && value !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid warehouse address:\n${lines.join('\n')}`);
  }
  const env = result.data;
  return {
    fullName: env.WAREHOUSE_NAME,
    mobile: env.WAREHOUSE_MOBILE,
    postCode: env.WAREHOUSE_POSTCODE,
    provinceText: env.WAREHOUSE_PROVINCE,
    cityText: env.WAREHOUSE_CITY,
    areaText: env.WAREHOUSE_AREA,
    address: env.WAREHOUSE_ADDRESS,
  };
}

export function warehouseAddress(): WarehouseAddress {
  cached ??= parseWarehouseAddress(process.env);
  return cached;
}
