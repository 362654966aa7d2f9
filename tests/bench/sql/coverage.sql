-- coverage: per stairwell, the households awaiting a welcome (awaiting
-- or partly, not moved out) in one GROUP BY, with the ambassadors who
-- cover the stairwell (by name) or the whole department.  velkomst also
-- lists the stairwells of the configuration that have no household and
-- counts only the ambassadors active today; the rows agree where every
-- stairwell has households (the demo).
.headers on
.mode tabs
SELECT h.department, h.stairwell,
    (SELECT count(*) FROM ambassador a WHERE a.department = h.department
    AND (NOT EXISTS (SELECT 1 FROM ambassador_stairwell s
    WHERE s.ambassador_id = a.id) OR EXISTS (SELECT 1
    FROM ambassador_stairwell s WHERE s.ambassador_id = a.id
    AND s.stairwell = h.stairwell))) AS ambassadors,
    sum(h.state IN ('awaiting', 'partly') AND (h.moved_out IS NULL
    OR h.moved_out > '2019-06-01')) AS awaiting
FROM household h
GROUP BY h.department, h.stairwell
ORDER BY h.department, h.stairwell;
