-- The rows of `velkomst overdue --format tsv`, in its order (the text
-- format prints the same households in the same order): households
-- awaiting a welcome (or partly welcomed), not moved out by today, moved
-- in more than welcome_days before today, the oldest move-in first.
-- Today is the demo's 2019-06-01 (VELKOMST_TODAY) and welcome_days the
-- shipped 14, so the bound is 2019-05-18.  Compare without velkomst's
-- header line:  sqlite3 -readonly -tabs FILE < overdue.sql
SELECT h.id, h.department, h.stairwell, h.flat, h.moved_in,
    CAST(julianday('2019-06-01') - julianday(h.moved_in) AS INTEGER) - 14,
    h.attempts, h.state,
    (SELECT group_concat(name, '; ') FROM (SELECT m.name FROM member m
    WHERE m.household_id = h.id ORDER BY m.position))
FROM household h
WHERE h.state IN ('awaiting', 'partly')
    AND (h.moved_out IS NULL OR h.moved_out > '2019-06-01')
    AND h.moved_in < '2019-05-18'
ORDER BY h.moved_in, h.id;
