import { describe, expect, it } from 'vitest';
import { orders } from '@/db/schema/orders';
import { purchaseOrders, type PurchaseOrderStatus } from '@/db/schema/purchasing';
import type { Executor } from '@/lib/db/executor';
import { defineMachine } from './define-machine';
import type { MachineTransition } from './table';
import { transitionInTx } from './transition-in-tx';

const moves: MachineTransition<PurchaseOrderStatus>[] = [
  { from: 'claimed', to: 'previewed', event: 'test.previewed', permission: null },
  { from: 'previewed', to: 'placing', event: 'test.placing', permission: 'orders:purchase' },
];

const machine = () =>
  defineMachine({ subject: 'test_po', table: purchaseOrders, idColumn: purchaseOrders.id, statusColumn: purchaseOrders.status, versionColumn: purchaseOrders.version, transitions: moves });

/** An executor that fails the test if anything reaches the database. */
const untouchable = new Proxy({} as Executor, {
  get: (_target, name) => () => {
    throw new Error(`the database was touched (${String(name)})`);
  },
});

describe('defineMachine', () => {
  it('knows its moves and the columns it writes', () => {
    const m = machine();
    expect(m.keys).toEqual({ status: 'status', version: 'version' });
    expect(m.find('claimed', 'previewed')?.event).toBe('test.previewed');
    expect(m.find('claimed', 'placing')).toBeUndefined();
    expect(m.next('previewed')).toEqual(['placing']);
    expect(m.next('placed')).toEqual([]);
  });

  it('refuses a table naming a status its column does not have', () => {
    const typo = [...moves, { from: 'placing', to: 'shipped', event: 'test.shipped', permission: null }] as MachineTransition<PurchaseOrderStatus>[];
    expect(() => defineMachine({ subject: 'test_po', table: purchaseOrders, idColumn: purchaseOrders.id, statusColumn: purchaseOrders.status, transitions: typo })).toThrow(
      /"shipped" is not a status/,
    );
  });

  it('refuses a pair listed twice', () => {
    const twice = [...moves, { ...moves[0]!, event: 'test.again' }];
    expect(() => defineMachine({ subject: 'test_po', table: purchaseOrders, idColumn: purchaseOrders.id, statusColumn: purchaseOrders.status, transitions: twice })).toThrow(/listed twice/);
  });

  it('refuses a status column of another table', () => {
    expect(() =>
      defineMachine({ subject: 'test_po', table: purchaseOrders, idColumn: purchaseOrders.id, statusColumn: orders.status as never, transitions: moves }),
    ).toThrow(/status column is not a column of its table/);
  });
});

describe('transitionInTx', () => {
  it('refuses a move the table does not list before touching the database', async () => {
    await expect(transitionInTx(untouchable, machine(), { id: 1, from: 'claimed', to: 'placed', actor: { type: 'system' } })).rejects.toMatchObject({
      code: 'invalid_transition',
      message: 'A test po cannot go from claimed to placed',
    });
    await expect(transitionInTx(untouchable, machine(), { id: 1, from: 'placing', to: 'previewed', actor: { type: 'system' } })).rejects.toMatchObject({ code: 'invalid_transition' });
  });

  it('refuses a version check on a machine without a version column', async () => {
    const unversioned = defineMachine({ subject: 'test_po', table: purchaseOrders, idColumn: purchaseOrders.id, statusColumn: purchaseOrders.status, transitions: moves });
    await expect(transitionInTx(untouchable, unversioned, { id: 1, from: 'claimed', to: 'previewed', actor: { type: 'system' }, expectedVersion: 3 })).rejects.toThrow(/no version column/);
  });
});
