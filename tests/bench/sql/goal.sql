-- What `velkomst goal` reads: every ambassador's recruitment day and
-- every change of status; velkomst adds them up per year of the
-- configuration's period (core_goal).  Its time is the open's, not
-- these queries' (a few ms at any size).
--   sqlite3 -readonly -tabs FILE < goal.sql
SELECT id, recruited_on FROM ambassador ORDER BY id;
SELECT ambassador_id, date, status, reason FROM ambassador_status
ORDER BY ambassador_id, date, position;
