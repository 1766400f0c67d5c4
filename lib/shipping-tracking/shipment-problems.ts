import 'server-only';
import { and, count, desc, eq, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { shipments, trackingEvents } from '@/db/schema';
import type { Actor } from '@/lib/audit/actor';
import { recordAudit } from '@/lib/audit/record';
import { AppError } from '@/lib/errors';
import { carriers, isCarrierId } from './carriers';
import { isProblemStatus, problemStatuses, type ProblemStatus } from './status-facts';

/** A shipment whose carrier reports a problem nobody has handled yet, with the carrier's latest words. */
export type ShipmentProblem = {
  shipmentId: number;
  number: string;
  carrierName: string;
  parcelId: number;
  country: string;
  status: ProblemStatus;
  subStatus: string;
  /** The carrier's time of its latest event (the problem, or a later one of the same status). */
  at: Date;
  description: string | null;
  location: string | null;
  /** A problem handled before, now reported again by a newer event. */
  wasHandledBefore: boolean;
};

export const PROBLEM_NOTE_MAX = 500;
/** Why handling a problem was refused (`details.reason` of the conflict), for the form's own words. */
export const problemRefusals = ['cleared', 'already_handled', 'newer_event'] as const;

/**
 * Open: a parcel's shipment whose latest status is a problem and nobody handled it since the
 * carrier's latest event. A handled problem comes back when a newer update keeps (or moves to
 * another) problem status.
 */
const isOpenProblem = and(isNotNull(shipments.parcelId), inArray(shipments.status, [...problemStatuses]), or(isNull(shipments.problemHandledEventAt), lt(shipments.problemHandledEventAt, shipments.latestEventAt)));

/** Open problems, newest carrier event first. One query: the latest events join on (shipment, latest event time). */
export async function openShipmentProblems(db: Database, limit = 200): Promise<ShipmentProblem[]> {
  const rows = await db
    .select({
      shipmentId: shipments.id,
      number: shipments.number,
      carrier: shipments.carrier,
      parcelId: shipments.parcelId,
      country: shipments.country,
      status: shipments.status,
      subStatus: shipments.subStatus,
      at: shipments.latestEventAt,
      handledEventAt: shipments.problemHandledEventAt,
      description: trackingEvents.description,
      location: trackingEvents.location,
      eventId: trackingEvents.id,
    })
    .from(shipments)
    .leftJoin(trackingEvents, and(eq(trackingEvents.shipmentId, shipments.id), eq(trackingEvents.at, shipments.latestEventAt)))
    .where(isOpenProblem)
    .orderBy(desc(shipments.latestEventAt), desc(shipments.id), desc(sql`${trackingEvents.status} = ${shipments.status}`), desc(trackingEvents.id))
    .limit(limit * 2);
  const seen = new Set<number>();
  const problems: ShipmentProblem[] = [];
  for (const row of rows) {
    // Several events at the latest time: the one of the shipment's status speaks, else the one stored last
    // (an expiry brings no event of its own: the carrier's last words are shown).
    if (seen.has(row.shipmentId) || !isProblemStatus(row.status) || !row.at || row.parcelId === null) continue;
    seen.add(row.shipmentId);
    problems.push({
      shipmentId: row.shipmentId,
      number: row.number,
      carrierName: isCarrierId(row.carrier) ? carriers[row.carrier].name : row.carrier,
      parcelId: row.parcelId,
      country: row.country,
      status: row.status,
      subStatus: row.subStatus,
      at: row.at,
      description: row.description,
      location: row.location,
      wasHandledBefore: row.handledEventAt !== null,
    });
  }
  return problems.slice(0, limit);
}

export async function countOpenShipmentProblems(db: Database): Promise<number> {
  const [row] = await db.select({ n: count() }).from(shipments).where(isOpenProblem);
  return row?.n ?? 0;
}

export type HandleProblemInput = {
  number: string;
  /** The carrier event time the staff member saw: a newer report since then refuses the handling (they must look again). */
  seenEventAt: Date;
  note: string;
  actor: Actor;
};

/**
 * Marks a shipment's open problem handled, with the staff member's note, audited: it leaves the
 * exceptions tab until the carrier reports something newer. The row is locked; a problem already
 * handled, one the carrier has since cleared, or one with a newer event than the page showed is a
 * conflict that changes nothing, so two people clicking at once record one handling.
 */
export async function markShipmentProblemHandled(db: Database, input: HandleProblemInput): Promise<{ number: string; handledEventAt: Date }> {
  const note = input.note.trim();
  if (note.length === 0 || note.length > PROBLEM_NOTE_MAX) throw new AppError('validation_failed', `Write a note of 1 to ${PROBLEM_NOTE_MAX} characters`, { fieldErrors: { note: 'noteLength' } });
  if (Number.isNaN(input.seenEventAt.getTime())) throw new AppError('validation_failed', 'Unknown event time', { field: 'seenEventAt' });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: shipments.id, status: shipments.status, subStatus: shipments.subStatus, latestEventAt: shipments.latestEventAt, handledEventAt: shipments.problemHandledEventAt })
      .from(shipments)
      .where(eq(shipments.number, input.number))
      .for('update');
    if (!row) throw new AppError('not_found', `No shipment ${input.number}`);
    if (!isProblemStatus(row.status) || !row.latestEventAt) throw new AppError('conflict', 'The carrier no longer reports a problem for this parcel', { reason: 'cleared' });
    if (row.handledEventAt && row.handledEventAt.getTime() >= row.latestEventAt.getTime()) throw new AppError('conflict', 'This problem is already marked handled', { reason: 'already_handled' });
    if (row.latestEventAt.getTime() !== input.seenEventAt.getTime()) throw new AppError('conflict', 'The carrier reported something new since this page was loaded: look at it again', { reason: 'newer_event' });
    const userId = input.actor.type === 'user' && typeof input.actor.id === 'number' ? input.actor.id : null;
    await tx.update(shipments).set({ problemHandledEventAt: row.latestEventAt, problemHandledBy: userId, problemHandledNote: note }).where(eq(shipments.id, row.id));
    await recordAudit(tx, input.actor, 'shipment.problem_handled', { type: 'shipment', id: row.id }, { number: input.number, status: row.status, subStatus: row.subStatus, eventAt: row.latestEventAt.toISOString(), note });
    return { number: input.number, handledEventAt: row.latestEventAt };
  });
}
