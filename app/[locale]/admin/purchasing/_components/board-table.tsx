'use client';
import type { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { BoardPurchaseOrder } from '@/lib/purchasing/queries/list-purchase-board';

/** One board section: a heading and a table, or the section's empty message. */
export function Section({ id, title, empty, rows, children }: { id: string; title: string; empty: string; rows: number; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} data-section={id}>
      <h3 id={`${id}-heading`}>{title}</h3>
      {rows === 0 ? (
        <p className="admin-empty">{empty}</p>
      ) : (
        <div className="admin-table-wrap">
          <table className="admin-table">{children}</table>
        </div>
      )}
    </section>
  );
}

type T = ReturnType<typeof useTranslations<'purchasing'>>;

/** The columns every purchase-order section shares, then the section's own. */
export function PoHead({ t, extra }: { t: T; extra: string[] }) {
  return (
    <thead>
      <tr>
        <th scope="col">{t('board.reference')}</th>
        <th scope="col">{t('board.seller')}</th>
        <th scope="col" className="admin-num">{t('board.lines')}</th>
        <th scope="col" className="admin-num">{t('board.expected')}</th>
        {extra.map((label) => (
          <th key={label} scope="col">
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** A purchase order's shared cells (reference linking to its page, seller, lines, expected CNY), then the section's own. */
export function PoRow({ po, link, money, children }: { po: BoardPurchaseOrder; link: ReactNode; money: (minor: number | null) => string; children: ReactNode }) {
  return (
    <tr data-purchase-order={po.reference} data-status={po.status}>
      <td>{link}</td>
      <td lang="zh-CN">{po.sellerName}</td>
      <td className="admin-num">{po.lines}</td>
      <td className="admin-num">{money(po.expectedGoodsMinor)}</td>
      {children}
    </tr>
  );
}
