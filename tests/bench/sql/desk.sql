-- What `velkomst desk` reads: per department the households with an
-- open welcome that are overdue (the deadline of 14 days), those open
-- per department and stairwell (what awaits is open less overdue), and
-- the cases for the secretariat in their two halves, each on its own
-- index as velkomst names it: the households with flags, then those
-- without that the stale rule (visits.stale_days = 60) brings.  Then
-- the desk reads the active ambassadors per place as coverage.sql's
-- second query does; the bench runs that after these (desk+.sql in its
-- folder).  Today is the demo's 2019-06-01 (VELKOMST_TODAY).
--   sqlite3 -readonly -tabs FILE < desk.sql
SELECT h.department, count(*)
FROM household h
WHERE h.state IN ('awaiting', 'partly')
    AND (h.moved_out IS NULL OR h.moved_out > '2019-06-01')
    AND h.moved_in < '2019-05-18'
GROUP BY h.department;
SELECT h.department, h.stairwell, count(*)
FROM household h
WHERE h.state IN ('awaiting', 'partly')
    AND (h.moved_out IS NULL OR h.moved_out > '2019-06-01')
GROUP BY h.department, h.stairwell;
SELECT h.department, count(*)
FROM household h INDEXED BY household_dept_flagged
WHERE h.flags <> 0
    AND (h.moved_out IS NULL OR h.moved_out > '2019-06-01')
    AND h.case_closed = 0
GROUP BY h.department;
SELECT h.department, count(*)
FROM household h INDEXED BY household_dept_stale
WHERE h.flags = 0 AND h.state IN ('awaiting', 'partly')
    AND h.moved_in < '2019-03-19'
    AND (h.handled_on IS NULL OR h.handled_on < date(h.moved_in, '+75 days'))
    AND (h.moved_out IS NULL OR h.moved_out > '2019-06-01')
    AND h.case_closed = 0
GROUP BY h.department;
