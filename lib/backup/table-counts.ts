import 'server-only';
import mysql from 'mysql2/promise';

/** Exact row counts per table (COUNT(*), not the estimates of information_schema) and the last applied migration. */
export async function readTableCounts(url: string): Promise<{ tables: Record<string, number>; migration: string | null }> {
  const conn = await mysql.createConnection({ uri: url });
  try {
    const [rows] = await conn.query<mysql.RowDataPacket[]>('SHOW FULL TABLES WHERE Table_type = ?', ['BASE TABLE']);
    const tables: Record<string, number> = {};
    for (const row of rows) {
      const name = String(Object.values(row)[0]);
      const [[count]] = await conn.query<mysql.RowDataPacket[]>(`SELECT COUNT(*) AS n FROM \`${name.replace(/`/g, '``')}\``);
      tables[name] = Number(count!.n);
    }
    let migration: string | null = null;
    if ('__drizzle_migrations' in tables) {
      const [[last]] = await conn.query<mysql.RowDataPacket[]>('SELECT hash FROM `__drizzle_migrations` ORDER BY created_at DESC, id DESC LIMIT 1');
      migration = last ? String(last.hash) : null;
    }
    return { tables, migration };
  } finally {
    await conn.end();
  }
}
