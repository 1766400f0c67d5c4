import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { generateOffer } from '../../lib/catalog/demo';
import { demoOfferId } from '../../lib/catalog/demo/ids';
import { compareKeys, lowerBound, type WalkCursor } from './catalog-cursor';
import type { CatalogWorld } from './catalog-world';

/**
 * Orderings over the catalog that the list APIs page through without regenerating it:
 * - offer ids in ascending order (the full walk), computed from the id permutation alone;
 * - the base catalog's subjects and modification times, from one pass over all offers made in
 *   the background the first time a search or an old-enough walk of changes needs them;
 * - the offers changed since start-up, sorted by (time, id), re-sorted only after a change.
 */
export type IndexPage = { indexes: number[]; next: WalkCursor | null; total: number };

type BaseScan = { subjects: string[]; times: Float64Array; ids: Float64Array; order: Uint32Array };
type ChangedEntry = { time: number; id: number; index: number };

const SCAN_CHUNK = 2_000;

export class CatalogIndex {
  private byId: { ids: Float64Array; indexes: Uint32Array } | null = null;
  private scan: Promise<BaseScan> | null = null;
  private changed: { version: number; entries: ChangedEntry[] } | null = null;

  constructor(private readonly world: CatalogWorld) {}

  fullPage(afterId: number | null, limit: number): IndexPage {
    const { ids, indexes } = this.idOrder();
    const start = afterId === null ? 0 : lowerBound(ids.length, (p) => (ids[p] as number) <= afterId);
    const page = Array.from(indexes.subarray(start, start + limit));
    const end = start + page.length;
    const next = end < ids.length && page.length > 0 ? { kind: 'full' as const, afterId: ids[end - 1] as number } : null;
    return { indexes: page, next, total: ids.length };
  }

  /** Offers modified at or after `since`, in (time, id) order, resuming after `after`. */
  async changedPage(since: number, after: { time: number; id: number } | null, limit: number): Promise<IndexPage> {
    // Base offers all predate start-up; only an older `since` needs the one-off scan.
    const base = since <= this.world.startedAt ? await this.baseScan() : null;
    const changed = this.changedEntries();
    const from = after ?? { time: since, id: -1 };
    const isBefore = (time: number, id: number) => compareKeys(time, id, from.time, from.id) <= 0 || time < since;

    let b = base ? lowerBound(base.order.length, (p) => isBefore(base.times[base.order[p] as number] as number, base.ids[base.order[p] as number] as number)) : 0;
    let c = lowerBound(changed.length, (p) => isBefore((changed[p] as ChangedEntry).time, (changed[p] as ChangedEntry).id));
    const picked: ChangedEntry[] = [];
    const nextBase = (): ChangedEntry | null => {
      while (base && b < base.order.length) {
        const index = base.order[b] as number;
        if (!this.world.isTouched(index)) return { time: base.times[index] as number, id: base.ids[index] as number, index };
        b++; // its current entry lives among the changed ones
      }
      return null;
    };
    // One extra entry tells whether another page follows.
    while (picked.length <= limit) {
      const fromBase = nextBase();
      const fromChanged = changed[c] ?? null;
      if (!fromBase && !fromChanged) break;
      const takeBase = fromBase && (!fromChanged || compareKeys(fromBase.time, fromBase.id, fromChanged.time, fromChanged.id) < 0);
      if (takeBase) b++;
      else c++;
      picked.push((takeBase ? fromBase : fromChanged) as ChangedEntry);
    }
    const page = picked.slice(0, limit);
    const last = page[page.length - 1];
    const next = picked.length > limit && last ? { kind: 'changed' as const, afterTime: last.time, afterId: last.id } : null;
    return { indexes: page.map((e) => e.index), next, total: this.countChanged(since, base, changed) };
  }

  /** Catalog indexes whose subject contains every term, in catalog order. */
  async search(terms: readonly string[], offset: number, limit: number): Promise<{ indexes: number[]; total: number }> {
    const { subjects } = await this.baseScan();
    const wanted = terms.map((t) => t.toLowerCase());
    const matches: number[] = [];
    for (let i = 0; i < subjects.length; i++) {
      const subject = (subjects[i] as string).toLowerCase();
      if (wanted.every((term) => subject.includes(term))) matches.push(i);
    }
    return { indexes: matches.slice(offset, offset + limit), total: matches.length };
  }

  /** Starts the one-off scan early (the server does this at start-up, off the request path). */
  warmUp(): Promise<unknown> {
    return this.baseScan();
  }

  private countChanged(since: number, base: BaseScan | null, changed: ChangedEntry[]): number {
    let count = changed.length - lowerBound(changed.length, (p) => (changed[p] as ChangedEntry).time < since);
    if (base) {
      count += base.order.length - lowerBound(base.order.length, (p) => (base.times[base.order[p] as number] as number) < since);
      for (const [, overlay] of this.world.touched()) if (overlay.baseModifiedAt >= since) count--;
    }
    return count;
  }

  private idOrder(): { ids: Float64Array; indexes: Uint32Array } {
    if (!this.byId) {
      const raw = Float64Array.from({ length: this.world.size }, (_, i) => Number(demoOfferId(this.world.seed, i)));
      const indexes = Uint32Array.from({ length: raw.length }, (_, i) => i).sort((a, b) => (raw[a] as number) - (raw[b] as number));
      this.byId = { ids: Float64Array.from(indexes, (i) => raw[i] as number), indexes };
    }
    return this.byId;
  }

  private changedEntries(): ChangedEntry[] {
    if (!this.changed || this.changed.version !== this.world.version) {
      const entries: ChangedEntry[] = [];
      for (const [index, overlay] of this.world.touched()) {
        entries.push({ time: overlay.modifiedAt, id: Number(demoOfferId(this.world.seed, index)), index });
      }
      entries.sort((x, y) => compareKeys(x.time, x.id, y.time, y.id));
      this.changed = { version: this.world.version, entries };
    }
    return this.changed.entries;
  }

  private baseScan(): Promise<BaseScan> {
    this.scan ??= (async () => {
      const size = this.world.size;
      const subjects = new Array<string>(size);
      const times = new Float64Array(size);
      const ids = new Float64Array(size);
      for (let start = 0; start < size; start += SCAN_CHUNK) {
        for (let i = start; i < Math.min(size, start + SCAN_CHUNK); i++) {
          const offer = generateOffer(this.world.seed, i);
          subjects[i] = offer.subject;
          times[i] = Date.parse(offer.modifiedAt);
          ids[i] = Number(offer.offerId);
        }
        await yieldToEventLoop(); // keep answering requests while scanning 100k offers
      }
      const order = Uint32Array.from({ length: size }, (_, i) => i).sort((a, b) => compareKeys(times[a] as number, ids[a] as number, times[b] as number, ids[b] as number));
      return { subjects, times, ids, order };
    })();
    return this.scan;
  }
}
