-- households --search soren --format tsv: the households with a name
-- word that starts with "soren" (Søren folds to soren), newest first.
SELECT h.id, h.department, h.stairwell, h.flat, h.moved_in,
    coalesce(h.moved_out, '') AS moved_out,
    (SELECT group_concat(name, '; ') FROM (SELECT m.name FROM member m
    WHERE m.household_id = h.id ORDER BY m.position)) AS names,
    CASE WHEN h.moved_out IS NOT NULL AND h.moved_out <= '2019-06-01'
    THEN 'moved_out' ELSE h.state END AS status,
    coalesce(h.languages, '') AS languages
FROM household h
WHERE h.id IN (SELECT household_id FROM name_word
    WHERE key >= 'soren' AND key < 'soreo')
ORDER BY h.moved_in DESC, h.id DESC;
