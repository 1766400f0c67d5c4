import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { shipments } from '@/db/schema';
import type { Executor } from '@/lib/db/executor';
import { AppError } from '@/lib/errors';
import type { TrackingClient } from '@/lib/tracking';
import { carriers, makeTrackingNumber, type CarrierId } from './carriers';
import { createShipment, isDuplicateKey } from './create-shipment';
import { recordShipmentFact, shipmentFacts } from './facts';
import { labelInputSchema, renderLabelPdf, type LabelInput } from './label-pdf';
import { registerShipments } from './register-shipments';

export type DispatchInput = {
  parcelId: number | null;
  carrier: CarrierId;
  /** ISO 3166-1 alpha-2 destination. */
  country: string;
  notifyEmail?: string | null;
  locale?: string;
  /** What the label prints; without it the shipment has no label. */
  label?: Omit<LabelInput, 'trackingNumber' | 'carrierName'>;
  /**
   * Runs in the shipment's transaction once its number is known: the parcels module moves its parcel
   * to shipped here (`markParcelDispatched`), so the parcel and its shipment exist together or not at all.
   */
  inTransaction?: (tx: Executor, shipment: { id: number; number: string }) => Promise<void>;
};

export type Dispatched = { shipmentId: number; trackingNumber: string; carrier: CarrierId; isRegistered: boolean };

const NUMBER_ATTEMPTS = 5;

/**
 * Dispatches a parcel: allocates a tracking number for the carrier (its prefix and check digit; a
 * clash with an existing number draws again), writes the shipment (with the caller's own change in
 * the same transaction), then registers the number with 17TRACK. A registration that fails does
 * not undo the dispatch: the number stays unregistered and the periodic job retries it.
 */
export async function dispatchShipment(db: Database, input: DispatchInput, options: { client?: TrackingClient; makeNumber?: (carrier: CarrierId) => string } = {}): Promise<Dispatched> {
  const label = input.label ? labelInputSchema.omit({ trackingNumber: true, carrierName: true }).safeParse(input.label) : null;
  if (label && !label.success) throw new AppError('validation_failed', `Label: ${label.error.issues[0]?.path.join('.')} ${label.error.issues[0]?.message}`);
  const makeNumber = options.makeNumber ?? makeTrackingNumber;
  for (let attempt = 1; ; attempt++) {
    const number = makeNumber(input.carrier);
    try {
      const shipment = await db.transaction(async (tx) => {
        const created = await createShipment(tx, { parcelId: input.parcelId, trackingNumber: number, carrier: input.carrier, country: input.country, notifyEmail: input.notifyEmail ?? null, ...(input.locale ? { locale: input.locale } : {}) });
        if (label?.success) await tx.update(shipments).set({ label: label.data as Record<string, unknown> }).where(eq(shipments.id, created.id));
        await input.inTransaction?.(tx, created);
        // The shopper's "on its way" email, with the tracking link (lib/notifications/tracking-emails).
        await recordShipmentFact(tx, created.id, shipmentFacts.dispatched, { parcelId: input.parcelId, number: created.number, at: new Date().toISOString(), subStatus: 'InfoReceived' });
        return created;
      });
      const registered = await registerShipments(db, [shipment.number], options.client);
      return { shipmentId: shipment.id, trackingNumber: shipment.number, carrier: input.carrier, isRegistered: registered.registered.includes(shipment.number) };
    } catch (error) {
      const isClash = (error instanceof AppError && error.code === 'conflict') || isDuplicateKey(error);
      if (!isClash || attempt >= NUMBER_ATTEMPTS) throw error;
    }
  }
}

/** The label PDF of a dispatched shipment, from what was stored at dispatch; null when it has none. */
export async function shipmentLabelPdf(db: Database, number: string): Promise<Uint8Array | null> {
  const [row] = await db.select({ number: shipments.number, carrier: shipments.carrier, label: shipments.label }).from(shipments).where(eq(shipments.number, number)).limit(1);
  if (!row?.label) return null;
  const carrierName = row.carrier in carriers ? carriers[row.carrier as CarrierId].name : row.carrier;
  return renderLabelPdf({ ...(row.label as Omit<LabelInput, 'trackingNumber' | 'carrierName'>), trackingNumber: row.number, carrierName });
}
