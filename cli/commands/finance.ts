import { access, constants, stat } from 'node:fs/promises';
import { databaseFor } from '@/db/client';
import { getEnv } from '@/lib/env';
import { parseDay } from '@/lib/finance/reconcile/day';
import { runReconciliation } from '@/lib/finance/reconcile/run-reconciliation';
import { SettlementReportError } from '@/lib/finance/reconcile/settlement-report';
import { CliError, usage } from '../errors';
import type { Command } from './index';

export const financeReconcile: Command = {
  name: 'finance reconcile',
  description:
    'Reconcile one UTC day of the card gateway against the payment ledger: [--date YYYY-MM-DD] (default yesterday, or the day of --file) [--file <itemized settlement CSV>] (else the gateway API); prints {"matched","missingInLedger","missingInSettlement","amountMismatches","mismatchRate","alert"}',
  options: { date: { type: 'string' }, file: { type: 'string' } },
  async run(values) {
    let day: string | undefined;
    if (values.date !== undefined) {
      day = (typeof values.date === 'string' && parseDay(values.date)) || undefined;
      if (!day) usage(`finance reconcile: --date must be a calendar day as YYYY-MM-DD (got "${String(values.date)}")`);
      if (day > new Date().toISOString().slice(0, 10)) usage(`finance reconcile: --date ${day} is in the future`);
    }
    const file = values.file === undefined ? undefined : typeof values.file === 'string' ? values.file : '';
    if (file !== undefined) {
      if (!file) usage('finance reconcile: --file needs the path of a settlement report (CSV)');
      try {
        if (!(await stat(file)).isFile()) usage(`finance reconcile: ${file} is not a file`);
        await access(file, constants.R_OK);
      } catch (error) {
        if (error instanceof CliError) throw error;
        usage(`finance reconcile: cannot read ${file}`);
      }
    }
    const env = getEnv();
    try {
      const result = await runReconciliation(databaseFor(env.DATABASE_URL), env, { day, file });
      return result!.output;
    } catch (error) {
      if (error instanceof SettlementReportError) throw new CliError(`finance reconcile: ${file}: ${error.message}`);
      throw error;
    }
  },
};
