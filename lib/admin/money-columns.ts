/**
 * The currency columns of the admin's price table: what the marketplace charges (CNY), what the
 * shopper was charged, and the agent's reporting currency. When the charge and reporting currencies
 * are the same the two columns would read "USD | USD" with the same amounts: one column says both.
 */
export type MoneyColumn = { role: 'marketplace' | 'charged' | 'reporting' | 'chargedAndReporting'; currency: string };

export function moneyColumns(chargeCurrency: string, baseCurrency: string): MoneyColumn[] {
  const marketplace: MoneyColumn = { role: 'marketplace', currency: 'CNY' };
  if (chargeCurrency === baseCurrency) return [marketplace, { role: 'chargedAndReporting', currency: chargeCurrency }];
  return [marketplace, { role: 'charged', currency: chargeCurrency }, { role: 'reporting', currency: baseCurrency }];
}
