import { describe, expect, it } from 'vitest';
import { roles } from '@/db/schema/accounts';
import { can, isStaff, permissions, rolePermissions } from './permissions';

describe('role → permission table', () => {
  it('gives a customer no staff permission at all', () => {
    for (const permission of permissions) expect(can('customer', permission)).toBe(false);
    expect(isStaff('customer')).toBe(false);
  });

  it('keeps each staff role to its own part', () => {
    expect(can('purchaser', 'orders:purchase')).toBe(true);
    expect(can('purchaser', 'orders:refund')).toBe(false);
    expect(can('purchaser', 'users:manage')).toBe(false);
    expect(can('warehouse', 'orders:warehouse')).toBe(true);
    expect(can('warehouse', 'orders:purchase')).toBe(false);
    expect(can('warehouse', 'payments:read')).toBe(false);
    expect(can('service', 'orders:cancel')).toBe(true);
    expect(can('service', 'outbox:read')).toBe(true);
    expect(can('service', 'orders:refund')).toBe(false);
    expect(can('service', 'orders:confirm_cod')).toBe(true);
    // Returns after QC: customer service (and the admin), not the warehouse or purchasers.
    expect(can('service', 'orders:returns')).toBe(true);
    expect(can('admin', 'orders:returns')).toBe(true);
    expect(can('warehouse', 'orders:returns')).toBe(false);
    expect(can('purchaser', 'orders:returns')).toBe(false);
    expect(can('purchaser', 'orders:confirm_cod')).toBe(false);
    expect(can('warehouse', 'orders:confirm_cod')).toBe(false);
    expect(can('finance', 'orders:confirm_cod')).toBe(false);
    expect(can('finance', 'orders:refund')).toBe(true);
    expect(can('finance', 'payments:read')).toBe(true);
    expect(can('finance', 'stock:write')).toBe(false);
    // Money moved by hand: finance and admin only.
    expect(roles.filter((role) => can(role, 'wallet:adjust'))).toEqual(['finance', 'admin']);
    expect(roles.filter((role) => can(role, 'wallet:read'))).toEqual(['finance', 'admin']);
    // Explaining a reconciliation difference: finance and admins; others may at most read payments.
    expect(['finance', 'admin', 'service', 'purchaser', 'warehouse'].map((role) => can(role as 'admin', 'finance:reconcile'))).toEqual([true, true, false, false, false]);
    // What a product is for shipping: those who buy it and those who hold it.
    expect(roles.filter((role) => can(role, 'catalog:goods'))).toEqual(['purchaser', 'warehouse', 'admin']);
    // Shipping lines are the agent's prices: admin only.
    expect(roles.filter((role) => can(role, 'shipping:manage'))).toEqual(['admin']);
    // Expected parcels: the warehouse receives them, purchasers chase late sellers.
    expect(['warehouse', 'purchaser', 'admin', 'service', 'finance'].map((role) => can(role as 'admin', 'inbound:read'))).toEqual([true, true, true, false, false]);
    // Carriers' problems are customer service's to follow up (and the admin's).
    expect(roles.filter((role) => can(role, 'parcels:exceptions'))).toEqual(['service', 'admin']);
  });

  it('lets every staff role into the admin and read orders, and only admins manage users, keys and settings', () => {
    for (const role of roles.filter((r) => r !== 'customer')) {
      expect(isStaff(role)).toBe(true);
      expect(can(role, 'orders:read')).toBe(true);
      expect(can(role, 'users:manage')).toBe(role === 'admin');
      expect(can(role, 'partner-keys:manage')).toBe(role === 'admin');
      expect(can(role, 'settings:manage')).toBe(role === 'admin');
      // The event relay's deliveries: customer service and admins read them, only admins retry.
      expect(can(role, 'events:read')).toBe(role === 'admin' || role === 'service');
      expect(can(role, 'events:retry')).toBe(role === 'admin');
    }
  });

  it('gives admins everything and lists only known permissions', () => {
    for (const permission of permissions) expect(can('admin', permission)).toBe(true);
    for (const granted of Object.values(rolePermissions)) {
      for (const permission of granted) expect(permissions).toContain(permission);
    }
  });
});
