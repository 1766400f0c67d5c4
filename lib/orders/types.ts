import type { OrderBreakdown, OrderStatus } from '@/db/schema/orders';

export const valueAddedServices = ['extra_qc_photos', 'careful_packing'] as const;
export type ValueAddedService = (typeof valueAddedServices)[number];

export const gatewayNames = ['sandbox', 'stripe', 'cod'] as const;
export type GatewayName = (typeof gatewayNames)[number];

export type OrderSummary = {
  id: number;
  number: string;
  status: OrderStatus;
  chargeCurrency: string;
  chargeMinor: number;
  chargeRate: string;
  totalCnyMinor: number;
  breakdownCny: OrderBreakdown;
  gateway: GatewayName;
  payToken: string;
  createdAt: Date;
};
