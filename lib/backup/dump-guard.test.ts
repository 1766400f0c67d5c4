import { describe, expect, it } from 'vitest';
import { DumpScanner, findClientCommand } from './dump-guard';

/** What mariadb-dump writes (header, a table with awkward data, a trigger between DELIMITER lines, the footer). */
const cleanDump = [
  '/*M!999999\\- enable the sandbox mode */ ',
  '-- MariaDB dump 10.19  Distrib 10.11.19-MariaDB, for debian-linux-gnu (x86_64)',
  '--',
  '-- Host: 127.0.0.1    Database: ferry',
  '/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;',
  "/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;",
  'DROP TABLE IF EXISTS `products`;',
  'CREATE TABLE `products` (',
  '  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,',
  "  `status` varchar(16) NOT NULL DEFAULT 'use',",
  '  `title` text NOT NULL,',
  '  PRIMARY KEY (`id`)',
  ') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;',
  'LOCK TABLES `products` WRITE;',
  // Strings hold escapes, quotes, comment markers and what would be commands outside them.
  "INSERT INTO `products` VALUES (1,'ok','连衣裙 \\\\! not a command \\n\\r\\t \\' \" -- /* # '),(2,'ok',\"say \\\"hi\\\" \\! \\. system\"),(3,'ok','it''s fine \\\\');",
  'UNLOCK TABLES;',
  '/*!50003 SET @saved_sql_mode = @@sql_mode */ ;',
  'DELIMITER ;;',
  '/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER `t` BEFORE INSERT ON `products` FOR EACH ROW SET NEW.title = TRIM(NEW.title) */;;',
  'DELIMITER ;',
  '/* a comment with \\! inside is not read by the client */',
  '# so is a hash comment \\! like this',
  '-- Dump completed on 2026-01-01 12:00:00',
  '',
].join('\n');

const scan = (dump: string) => findClientCommand([Buffer.from(dump)]);

describe('dump guard', () => {
  it('lets a real dump through: escapes and commands inside strings and comments are data', async () => {
    expect(await scan(cleanDump)).toBeNull();
  });

  it.each([
    ['a shell escape on its own line', '\\! touch /tmp/pwned'],
    ['a shell escape after a statement', "INSERT INTO `t` VALUES (1); \\! sh -c 'id'"],
    ['a shell escape right after a string closes', "SELECT 'a'\\! id"],
    ['the system word command', 'system touch /tmp/pwned'],
    ['a command word in upper case, indented', '   SYSTEM id'],
    ['source', 'source /etc/passwd'],
    ['\\. (source)', '\\. /etc/passwd'],
    ['tee', 'tee /tmp/out'],
    ['\\T (tee)', '\\T /tmp/out'],
    ['pager', 'pager sh -c id'],
    ['connect', 'connect other_db'],
    ['\\r (connect)', '\\r other_db'],
    ['use of another database', 'use mysql;'],
    ['a delimiter mysqldump never writes', 'DELIMITER $$'],
    ['a delimiter line with more on it', 'DELIMITER ;; \\! id'],
    ['\\C (charset)', '\\C latin1'],
    ['a backslash command inside an executable comment', '/*!40101 \\! id */;'],
    ['a mode that changes how quotes are read', "/*!40101 SET SQL_MODE='NO_BACKSLASH_ESCAPES' */;"],
    ['ANSI quotes', "SET sql_mode = 'ANSI_QUOTES';"],
  ])('refuses %s', async (_name, line) => {
    const found = await scan(`${cleanDump}${line}\n`);
    expect(found).not.toBeNull();
    expect(found!.line).toBe(cleanDump.split('\n').length);
  });

  it('finds a command on the line after a line comment, and after a closed block comment', async () => {
    expect(await scan('-- just a comment \\! ignored\n\\! id\n')).toEqual({ line: 2, command: '\\!' });
    expect(await scan('/* x */ \\! id\n')).toEqual({ line: 1, command: '\\!' });
    expect(await scan("SELECT 'multi\nline string \\! still data';\nsystem id\n")).toMatchObject({ line: 3 });
  });

  it('reads the same whatever the chunk boundaries', async () => {
    const hostile = `${cleanDump}INSERT INTO \`t\` VALUES ('x');\\! id\n`;
    for (const dump of [cleanDump, hostile]) {
      const whole = await scan(dump);
      const bytes = Buffer.from(dump);
      for (let size = 1; size <= 7; size++) {
        const scanner = new DumpScanner();
        for (let at = 0; at < bytes.length && !scanner.command; at += size) scanner.write(bytes.subarray(at, at + size));
        expect(scanner.command ?? scanner.end(), `chunks of ${size}`).toEqual(whole);
      }
    }
  });

  it('reads 50 MB of inserts in a few seconds', async () => {
    const row = `(1,'${"中文 text with \\\\ escapes and \\' quotes ".repeat(20)}'),`;
    const line = `INSERT INTO \`t\` VALUES ${row.repeat(200)}(2,'end');\n`;
    const chunk = Buffer.from(line.repeat(Math.ceil((1024 * 1024) / line.length)));
    const started = Date.now();
    const scanner = new DumpScanner();
    for (let i = 0; i < 50; i++) scanner.write(chunk);
    expect(scanner.end()).toBeNull();
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
