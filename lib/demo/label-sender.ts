import 'server-only';
import type { Database } from '@/db/client';
import { settings } from '@/db/schema/settings';
import { settingsChangeSchema, type SettingsChange } from '@/lib/settings/definitions';

/** The demo warehouse printed as every label's sender (a plausible Guangzhou address, not a real business). */
export const demoLabelSender = settingsChangeSchema.parse({
  'label.senderName': 'Ferry Demo Warehouse',
  'label.senderLine1': 'Building 3, 18 Huangpu Avenue West',
  'label.senderLine2': 'Tianhe District',
  'label.senderCity': 'Guangzhou',
  'label.senderPostcode': '510620',
  'label.senderCountry': 'CN',
  'label.senderPhone': '+86 20 3888 0000',
} satisfies SettingsChange);

/** Stores the demo sender where the agent has not set one (a second run, or staff's own values, are kept). */
export async function seedLabelSender(db: Database): Promise<number> {
  const rows = Object.entries(demoLabelSender).map(([key, value]) => ({ key, value, updatedBy: 'demo seed' }));
  const [result] = await db.insert(settings).ignore().values(rows);
  return result.affectedRows;
}
