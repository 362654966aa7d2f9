-- The audit row velkomst writes before it prints an export (cli.c,
-- db-chain.c), written here by the sqlite3 tool with the same statements:
-- the head of the chain and the newest id read, the row inserted, the head
-- moved, in one transaction, with synchronous = FULL as velkomst has it.
-- It goes into a copy of the audit trail's two tables beside the database
-- (the bench's hN-side.db, attached as "side"), so that the file measured
-- keeps an unbroken chain; the hash is a random one of the same length
-- (velkomst's is BLAKE2b of the row and the hash before it).
BEGIN IMMEDIATE;
INSERT INTO side.audit (id, at, account_id, login, command_line, kind, tbl,
    record, detail, hash)
SELECT coalesce(max(id), 0) + 1, datetime('now'), NULL, 'bench', 1,
    'export', 'household', @hh, 'visits tsv 2 rows',
    lower(hex(randomblob(32)))
FROM side.audit
WHERE (SELECT value FROM side.meta WHERE key = 'audit_head') IS NOT NULL;
INSERT OR REPLACE INTO side.meta (key, value)
SELECT 'audit_head', id || ' ' || hash FROM side.audit
ORDER BY id DESC LIMIT 1;
COMMIT;
