-- What `velkomst coverage` reads: the households awaiting a welcome per
-- department and stairwell (one GROUP BY), then the active ambassadors
-- per department and stairwell they cover ('' for the whole
-- department).  velkomst puts both beside the configuration's
-- stairwells (52 in the shipped one); its "awaiting" of a stairwell is
-- the count of the first query for that (department, stairwell), 0 when
-- it has no row.  Today is the demo's 2019-06-01 (VELKOMST_TODAY).
--   sqlite3 -readonly -tabs FILE < coverage.sql
SELECT h.department, h.stairwell, count(*)
FROM household h
WHERE h.state IN ('awaiting', 'partly')
    AND (h.moved_out IS NULL OR h.moved_out > '2019-06-01')
GROUP BY h.department, h.stairwell;
SELECT a.department, coalesce(w.stairwell, ''), count(*)
FROM ambassador a
LEFT JOIN ambassador_stairwell w ON w.ambassador_id = a.id
WHERE a.recruited_on <= '2019-06-01'
    AND coalesce((SELECT s.status FROM ambassador_status s
    WHERE s.ambassador_id = a.id AND s.date <= '2019-06-01'
    ORDER BY s.date DESC, s.position DESC LIMIT 1), 'active') = 'active'
GROUP BY 1, 2 ORDER BY 1, 2;
