-- goal: the ambassadors recruited and stopped in each year of the
-- agreement period (12 months from 1 March 2017).
.headers on
.mode tabs
WITH y(year, from_d, to_d) AS (VALUES
    (2017, '2017-03-01', '2018-03-01'), (2018, '2018-03-01', '2019-03-01'),
    (2019, '2019-03-01', '2020-03-01'), (2020, '2020-03-01', '2021-03-01'))
SELECT y.year,
    (SELECT count(*) FROM ambassador a WHERE a.recruited_on >= y.from_d
    AND a.recruited_on < y.to_d AND a.recruited_on <= '2019-06-01')
    AS recruited,
    (SELECT count(*) FROM ambassador_status s WHERE s.status = 'stopped'
    AND s.date >= y.from_d AND s.date < y.to_d AND s.date <= '2019-06-01')
    AS stopped
FROM y ORDER BY y.year;
