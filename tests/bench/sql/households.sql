-- The rows of `velkomst households --format tsv` (no --search), in its
-- order (the text format prints the same households in the same order):
-- every household, the newest move-in first.  The status is the stored
-- state, or moved_out once the moved-out day has come (today is the
-- demo's 2019-06-01, VELKOMST_TODAY).  Compare without velkomst's
-- header line:  sqlite3 -readonly -tabs FILE < households.sql
SELECT h.id, h.department, h.stairwell, h.flat, h.moved_in,
    coalesce(h.moved_out, ''),
    (SELECT group_concat(name, '; ') FROM (SELECT m.name FROM member m
    WHERE m.household_id = h.id ORDER BY m.position)),
    CASE WHEN h.moved_out IS NOT NULL AND h.moved_out <= '2019-06-01'
    THEN 'moved_out' ELSE h.state END,
    coalesce(h.languages, '')
FROM household h
ORDER BY h.moved_in DESC, h.id DESC;
