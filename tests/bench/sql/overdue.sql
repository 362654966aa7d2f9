-- overdue --format tsv: the households whose welcome is overdue on
-- 2019-06-01 (the bench's today) with welcome_days = 14, the most
-- overdue first.  Written by the bench (wt-bench) until wt-cli's own.
.headers on
.mode tabs
SELECT h.id, h.department, h.stairwell, h.flat, h.moved_in,
    CAST(julianday('2019-06-01') - julianday(h.moved_in) AS INTEGER) - 14
    AS days_overdue, h.attempts, h.state AS status,
    (SELECT group_concat(name, '; ') FROM (SELECT m.name FROM member m
    WHERE m.household_id = h.id ORDER BY m.position)) AS names
FROM household h
WHERE h.state IN ('awaiting', 'partly')
    AND (h.moved_out IS NULL OR h.moved_out > '2019-06-01')
    AND h.moved_in < '2019-05-18'
ORDER BY h.moved_in, h.id;
