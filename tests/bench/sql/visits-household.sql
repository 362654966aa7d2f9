-- visits --household @hh --format tsv: one household's visits, newest
-- first, with their checklists (run with .parameter set @hh ID).
SELECT v.id, v.household_id AS household, v.date, v.ambassador, v.outcome,
    coalesce(v.next_date, '') AS next_date,
    (SELECT group_concat(key || '=' || state, '; ') FROM (SELECT i.key,
    i.state FROM visit_item i WHERE i.visit_id = v.id ORDER BY i.position))
    AS items, v.referral
FROM visit v
WHERE v.household_id = @hh
ORDER BY v.date DESC, v.id DESC;
