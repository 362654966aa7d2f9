-- The rows of `velkomst visits --format tsv` (and the visits of its text,
-- in the same order): every visit, the newest first, with its checklist
-- items as key=state joined by "; " and 1 if any item went to the
-- secretariat.  Compare without velkomst's header line:
--   sqlite3 -readonly -tabs FILE < visits.sql
SELECT v.id, v.household_id, v.date, v.ambassador, v.outcome,
    coalesce(v.next_date, ''),
    coalesce((SELECT group_concat(key || '=' || state, '; ') FROM
    (SELECT i.key, i.state FROM visit_item i WHERE i.visit_id = v.id
    ORDER BY i.position)), ''),
    coalesce((SELECT max(i.referral) FROM visit_item i
    WHERE i.visit_id = v.id), 0)
FROM visit v
ORDER BY v.date DESC, v.id DESC;
