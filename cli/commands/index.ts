import type { ParseArgsConfig } from 'node:util';
import { backupCreate, backupRestore } from './backup';
import { catalogSync } from './catalog';
import { dbMigrate, dbSeed } from './db';
import { financeReconcile } from './finance';
import { fxRefresh } from './fx';
import { userCreate } from './user';
import { parcelPack, parcelPhoto } from './parcel';
import { parcelDispatch } from './parcel-dispatch';
import { parcelDispatchHooks } from '@/lib/parcels/dispatch-hooks';
import { partnerKeyCreate, partnerKeyList, partnerKeyRevoke } from './partner-key';
import { productImport } from './product';
import { refund } from './refund';
import { stockSet } from './stock';
import { walletShow } from './wallet';
import { warehousePhoto, warehouseReceive } from './warehouse';

export type Command = {
  name: string;
  description: string;
  options?: NonNullable<ParseArgsConfig['options']>;
  run(values: Record<string, string | boolean | undefined>): Promise<unknown>;
};

export const commands: Command[] = [dbMigrate, dbSeed, fxRefresh, partnerKeyCreate, partnerKeyList, partnerKeyRevoke, userCreate, stockSet, productImport, backupCreate, backupRestore, catalogSync, warehouseReceive, warehousePhoto, walletShow, financeReconcile, refund, parcelPack, parcelPhoto, parcelDispatch(parcelDispatchHooks)];
