-- The SQL the application runs for the audience benchmark, with EXPLAIN ANALYZE, to read the plans
-- of a database left by `KEEP_DB=1 bench/audience/run.sh`:
--
--     psql -h 127.0.0.1 -U postgres -d npsloop_bench -X -f bench/audience/explain.sql
--
-- Query texts are those the application sends (captured with AUTO_EXPLAIN_MS, see README.md), with
-- the parameters of the benchmark's rules. Statements go through PREPARE so that the planner sees
-- parameters as it does from the JDBC driver. Nothing is changed except in a temporary table.

\set ON_ERROR_STOP 1
\pset pager off
SELECT id AS plan_id FROM attribute_definition WHERE name = 'plan' \gset
SELECT id AS signup_id FROM attribute_definition WHERE name = 'signup_date' \gset
SELECT id AS seats_id FROM attribute_definition WHERE name = 'seats' \gset
SELECT min(id) AS list_id FROM mailing_list \gset
SELECT (now() - interval '30 days')::timestamptz AS since30, current_date - 90 AS day90, current_date - 30 AS day30,
       current_date AS today \gset

\echo
\echo '=== 1. Import: the email lookup of ContactWriter.existingIds, 500 emails per statement'
\echo '    Planned once while the table is empty (as at the start of a first import), then run on 300,000 rows.'
CREATE TEMP TABLE contact_demo (LIKE contact INCLUDING ALL);
SET plan_cache_mode = force_generic_plan; -- what the plan cache settles on after 5 executions
SELECT format('PREPARE lookup(%s) AS SELECT id, email FROM contact_demo WHERE email IN (%s)',
              string_agg('varchar', ', '), string_agg('$' || g, ', ')) FROM generate_series(1, 500) g \gexec
SELECT format('EXECUTE lookup(%s)', string_agg(quote_literal(format('c%s@bench.example', lpad(g::text, 7, '0'))), ', '))
  AS lookup_call FROM generate_series(200001, 200500) g \gset
:lookup_call;
INSERT INTO contact_demo SELECT * FROM contact ORDER BY id LIMIT 300000;
\echo '--- the cached generic plan, statistics never refreshed (autovacuum has not run yet):'
EXPLAIN (ANALYZE, COSTS OFF) :lookup_call;
ANALYZE contact_demo;
\echo '--- after ANALYZE (the cached plan is invalidated and planned again):'
EXPLAIN (ANALYZE, COSTS OFF) :lookup_call;
DEALLOCATE lookup;
DROP TABLE contact_demo;
RESET plan_cache_mode;

\echo
\echo '=== 2. Segment preview = count, count of ACTIVE contacts, sample of 10 (AudienceQueries)'
PREPARE attr_eq(bigint, varchar) AS SELECT COUNT(*) FROM contact c WHERE (EXISTS (SELECT 1 FROM contact_attribute a0
  WHERE a0.contact_id = c.id AND a0.attribute_id = $1 AND LOWER(a0.text_value) = $2));
\echo '--- attribute equals (plan = pro): LOWER(text_value) is not in ix_contact_attribute_text, so every row of the attribute is read'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE attr_eq(:plan_id, 'pro');

PREPARE attr_days(bigint, date, date) AS SELECT COUNT(*) FROM contact c WHERE (EXISTS (SELECT 1 FROM contact_attribute a0
  WHERE a0.contact_id = c.id AND a0.attribute_id = $1 AND a0.date_value BETWEEN $2 AND $3));
\echo '--- attribute date within the last 90 days'
EXPLAIN (ANALYZE, COSTS OFF) EXECUTE attr_days(:signup_id, :'day90', :'today');

PREPARE in_list(bigint) AS SELECT COUNT(*) FROM contact c WHERE (EXISTS (SELECT 1 FROM mailing_list_member m0
  WHERE m0.contact_id = c.id AND m0.mailing_list_id = $1));
\echo '--- list membership'
EXPLAIN (ANALYZE, COSTS OFF) EXECUTE in_list(:list_id);

PREPARE event_within(varchar, timestamptz) AS SELECT COUNT(*) FROM contact c WHERE (EXISTS (SELECT 1 FROM journey_event e0
  WHERE e0.contact_id = c.id AND e0.type = $1 AND e0.occurred_at >= $2));
\echo '--- event PURCHASE within the last 30 days'
EXPLAIN (ANALYZE, COSTS OFF) EXECUTE event_within('PURCHASE', :'since30');

PREPARE event_never(varchar) AS SELECT COUNT(*) FROM contact c WHERE (NOT EXISTS (SELECT 1 FROM journey_event e0
  WHERE e0.contact_id = c.id AND e0.type = $1));
\echo '--- never had event ONBOARDING'
EXPLAIN (ANALYZE, COSTS OFF) EXECUTE event_never('ONBOARDING');

PREPARE all3(bigint, varchar, bigint, double precision, varchar, timestamptz) AS SELECT COUNT(*) FROM contact c WHERE ((EXISTS
  (SELECT 1 FROM contact_attribute a0 WHERE a0.contact_id = c.id AND a0.attribute_id = $1 AND LOWER(a0.text_value) = $2)
  AND EXISTS (SELECT 1 FROM contact_attribute a1 WHERE a1.contact_id = c.id AND a1.attribute_id = $3 AND a1.number_value > $4)
  AND EXISTS (SELECT 1 FROM journey_event e2 WHERE e2.contact_id = c.id AND e2.type = $5 AND e2.occurred_at >= $6)));
\echo '--- ALL of 3 (plan = pro, seats > 250, PURCHASE in the last 30 days)'
EXPLAIN (ANALYZE, COSTS OFF) EXECUTE all3(:plan_id, 'pro', :seats_id, 250, 'PURCHASE', :'since30');

PREPARE any3(bigint, varchar, varchar, bigint, date, date) AS SELECT COUNT(*) FROM contact c WHERE ((EXISTS (SELECT 1
  FROM contact_attribute a0 WHERE a0.contact_id = c.id AND a0.attribute_id = $1 AND LOWER(a0.text_value) = $2)
  OR c.language = $3 OR EXISTS (SELECT 1 FROM contact_attribute a1 WHERE a1.contact_id = c.id AND a1.attribute_id = $4
  AND a1.date_value BETWEEN $5 AND $6)));
\echo '--- ANY of 3 (plan = business, language FR, signup in the last 30 days): look at the JIT lines'
\echo '    (EXPLAIN shows them only with COSTS ON; the estimate exceeds jit_above_cost and compiling takes long)'
EXPLAIN (ANALYZE) EXECUTE any3(:plan_id, 'business', 'FR', :signup_id, :'day30', :'today');
\echo '--- the same with jit = off'
SET jit = off;
EXPLAIN (ANALYZE, COSTS OFF) EXECUTE any3(:plan_id, 'business', 'FR', :signup_id, :'day30', :'today');
RESET jit;

\echo '--- the sample of a preview (first 10 contacts by id)'
EXPLAIN (ANALYZE, COSTS OFF) SELECT c.id, c.email, c.first_name, c.last_name, c.language, c.status, c.created_at,
  c.updated_at FROM contact c WHERE ((EXISTS (SELECT 1 FROM contact_attribute a0 WHERE a0.contact_id = c.id
  AND a0.attribute_id = :plan_id AND LOWER(a0.text_value) = 'business') OR c.language = 'FR' OR EXISTS (SELECT 1
  FROM contact_attribute a1 WHERE a1.contact_id = c.id AND a1.attribute_id = :signup_id
  AND a1.date_value BETWEEN :'day30' AND :'today'))) ORDER BY c.id FETCH FIRST 10 ROWS ONLY;

\echo
\echo '=== 3. Contact table page = rows + count (DefaultContactService.search, SQL generated by EclipseLink)'
PREPARE page_rows(int, int, bigint, bigint) AS SELECT ID AS a1, created_at AS a2, first_name AS a3, LANGUAGE AS a4,
  last_name AS a5, STATUS AS a6, updated_at AS a7, VERSION AS a8, email AS a9 FROM contact WHERE ($1 = $2)
  ORDER BY created_at DESC, ID LIMIT $3 OFFSET $4;
PREPARE page_count(int, int) AS SELECT COUNT(ID) FROM contact WHERE ($1 = $2);
\echo '--- first page and page at offset 500,000, createdAt desc, and the count every page runs'
EXPLAIN (ANALYZE, COSTS OFF) EXECUTE page_rows(1, 1, 50, 0);
EXPLAIN (ANALYZE, COSTS OFF) EXECUTE page_rows(1, 1, 50, 500000);
EXPLAIN (ANALYZE, COSTS OFF) EXECUTE page_count(1, 1);

PREPARE search_rows(int, int, varchar, varchar, varchar, varchar, varchar, varchar, bigint, bigint) AS SELECT ID AS a1,
  created_at AS a2, first_name AS a3, LANGUAGE AS a4, last_name AS a5, STATUS AS a6, updated_at AS a7, VERSION AS a8,
  email AS a9 FROM contact WHERE (($1 = $2) AND ((email LIKE $3 ESCAPE $4 OR LOWER(first_name) LIKE $5 ESCAPE $6)
  OR LOWER(last_name) LIKE $7 ESCAPE $8)) ORDER BY created_at ASC, ID LIMIT $9 OFFSET $10;
PREPARE search_count(int, int, varchar, varchar, varchar, varchar, varchar, varchar) AS SELECT COUNT(ID) FROM contact
  WHERE (($1 = $2) AND ((email LIKE $3 ESCAPE $4 OR LOWER(first_name) LIKE $5 ESCAPE $6) OR LOWER(last_name) LIKE $7 ESCAPE $8));
\echo '--- text search with one match (q=c0123457): rows, then count'
EXPLAIN (ANALYZE, COSTS OFF) EXECUTE search_rows(1, 1, '%c0123457%', '\', '%c0123457%', '\', '%c0123457%', '\', 50, 0);
EXPLAIN (ANALYZE, COSTS OFF) EXECUTE search_count(1, 1, '%c0123457%', '\', '%c0123457%', '\', '%c0123457%', '\');
