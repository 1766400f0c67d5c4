import { describe, expect, it } from 'vitest';
import { locales } from '@/lib/i18n/locales';
import { formatStorageEnd } from '@/lib/warehouse/storage/format-storage-end';
import { storageReminderEmail } from './storage-reminder-email';

const items = [
  { title: 'Linen dress', quantity: 2, orderNumber: 'F-2026-000123', freeUntil: '21 Dec 2026' },
  { title: 'Phone stand', quantity: 1, orderNumber: 'F-2026-000124', freeUntil: '22 Dec 2026' },
];

describe('storage reminder email', () => {
  it('lists every item of the shopper in one email, with the fee and a link to each order once', () => {
    const email = storageReminderEmail('en', { name: 'Mei', items: [...items, { ...items[0]!, title: 'Scarf' }], fee: '¥0.50' });
    expect(email.subject).toBe('Free storage ends soon for 3 items');
    expect(email.text).toContain('• Linen dress × 2 (order F-2026-000123): free until 21 Dec 2026\n• Phone stand × 1');
    expect(email.text).toContain('¥0.50 per item per day');
    expect(email.text.match(/account\/orders\/F-2026-000123/g)).toHaveLength(1);
    expect(storageReminderEmail('en', { items: items.slice(0, 1), fee: '¥0.50' }).subject).toBe('Free storage ends soon for 1 item');
  });

  it.each(locales)('renders in %s with every item and a link in that language', (locale) => {
    const email = storageReminderEmail(locale, { name: 'Mei', items, fee: '¥0.50' });
    expect(email.text).toContain('F-2026-000124');
    expect(email.text).toContain('¥0.50');
    expect(email.text).toContain(`/${locale}/account/orders/F-2026-000123`);
    expect(email.subject).not.toMatch(/[{}]/);
  });

  it('names the end in the warehouse zone, with its offset', () => {
    expect(formatStorageEnd(new Date('2026-12-07T03:00:00Z'), 'en')).toMatch(/Dec 7, 2026.*11:00.*GMT\+8/);
  });
});
