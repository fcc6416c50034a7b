package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Counts of answers and first invitations per day, kept by the reports' rollup worker (ReportRollups), on
 * PostgreSQL only: H2 (the embedded default, small deployments) keeps reading the raw tables.
 * <ul>
 * <li>{@code response_rollup}: one row per (day in the report zone, campaign (0: none), channel, contact's language
 * (null once erased), flagged), with its answers per score s0..s10.</li>
 * <li>{@code invitation_rollup}: first invitations sent per (day of sending, campaign, language), and how many of
 * them were answered ({@code answered_at}).</li>
 * <li>{@code rollup_dirty}: one row per write that changed what a partition (campaign, day) counts, inserted by the
 * triggers below in the writer's own transaction. The instant is kept in 15-minute buckets, not as a day, so that
 * the triggers need no zone (every zone's offset is a multiple of 15 minutes): the worker and the reports map it
 * to a day of the zone they use. No key, so a writer never waits for another writer nor updates a shared row.</li>
 * <li>{@code rollup_state}: the zone the rollups were built in and how far a build has come.</li>
 * </ul>
 * The triggers on response are per statement (transition tables: a statement writing many answers marks each
 * bucket once); those on invitation and contact are per row with a WHEN clause, so that the claims of the sending
 * queue and contact edits that change no counted column never call a function.
 */
public class V31__Report_rollups extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        if (!JavaMigrations.onPostgreSql(context)) {
            return;
        }
        String counts = JavaMigrations.scoreColumns();
        String[] ddl = {
            "CREATE TABLE response_rollup (day DATE NOT NULL, campaign_key BIGINT NOT NULL, channel VARCHAR(20) NOT NULL,"
                + " language VARCHAR(10), flagged BOOLEAN NOT NULL" + counts + ")",
            "CREATE INDEX ix_response_rollup ON response_rollup (campaign_key, day)",
            "CREATE TABLE invitation_rollup (day DATE NOT NULL, campaign_key BIGINT NOT NULL, language VARCHAR(10),"
                + " sent BIGINT NOT NULL, answered BIGINT NOT NULL)",
            "CREATE INDEX ix_invitation_rollup ON invitation_rollup (campaign_key, day)",
            "CREATE TABLE rollup_dirty (campaign_key BIGINT NOT NULL, at_bucket TIMESTAMP WITH TIME ZONE NOT NULL)",
            // zone: what the rollups are (being) built for; while building, the days before built_to are built, up
            // to build_end (the last day with data when the build started: later days come through rollup_dirty).
            "CREATE TABLE rollup_state (id INTEGER NOT NULL PRIMARY KEY, zone VARCHAR(64), building BOOLEAN NOT NULL,"
                + " built_to DATE, build_end DATE, started_at TIMESTAMP WITH TIME ZONE, built_at TIMESTAMP WITH TIME ZONE,"
                + " checked_at TIMESTAMP WITH TIME ZONE, mismatches INTEGER)",
            "INSERT INTO rollup_state (id, zone, building) VALUES (1, NULL, FALSE)",
            "CREATE FUNCTION rollup_bucket(t TIMESTAMP WITH TIME ZONE) RETURNS TIMESTAMP WITH TIME ZONE IMMUTABLE"
                + " LANGUAGE SQL AS $$ SELECT date_bin('15 minutes', t, TIMESTAMP WITH TIME ZONE '2000-01-01 00:00:00+00') $$",
            // Answers: the buckets of the rows before and after, where a counted column changed.
            "CREATE FUNCTION rollup_mark_responses() RETURNS TRIGGER LANGUAGE plpgsql AS $$ BEGIN"
                + " IF TG_OP = 'INSERT' THEN"
                + "  INSERT INTO rollup_dirty SELECT DISTINCT COALESCE(campaign_id, 0), rollup_bucket(responded_at) FROM new_rows;"
                + " ELSIF TG_OP = 'DELETE' THEN"
                + "  INSERT INTO rollup_dirty SELECT DISTINCT COALESCE(campaign_id, 0), rollup_bucket(responded_at) FROM old_rows;"
                + " ELSE"
                + "  INSERT INTO rollup_dirty SELECT DISTINCT k, b FROM old_rows o JOIN new_rows n ON n.id = o.id"
                + "   CROSS JOIN LATERAL (VALUES (COALESCE(o.campaign_id, 0), rollup_bucket(o.responded_at)),"
                + "    (COALESCE(n.campaign_id, 0), rollup_bucket(n.responded_at))) AS p(k, b)"
                + "   WHERE (o.score, o.flagged, o.channel, o.campaign_id, o.contact_id, o.responded_at)"
                + "    IS DISTINCT FROM (n.score, n.flagged, n.channel, n.campaign_id, n.contact_id, n.responded_at);"
                + " END IF; RETURN NULL; END $$",
            "CREATE TRIGGER tr_rollup_response_insert AFTER INSERT ON response REFERENCING NEW TABLE AS new_rows"
                + " FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_responses()",
            "CREATE TRIGGER tr_rollup_response_update AFTER UPDATE ON response REFERENCING OLD TABLE AS old_rows"
                + " NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_responses()",
            "CREATE TRIGGER tr_rollup_response_delete AFTER DELETE ON response REFERENCING OLD TABLE AS old_rows"
                + " FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_responses()",
            // First invitations: counted once SENT (sent_at's bucket), answered when answered_at is set.
            "CREATE FUNCTION rollup_mark_invitation() RETURNS TRIGGER LANGUAGE plpgsql AS $$ BEGIN"
                + " IF TG_OP <> 'INSERT' AND OLD.status = 'SENT' AND OLD.sent_at IS NOT NULL THEN"
                + "  INSERT INTO rollup_dirty VALUES (COALESCE(OLD.campaign_id, 0), rollup_bucket(OLD.sent_at)); END IF;"
                + " IF TG_OP <> 'DELETE' AND NEW.status = 'SENT' AND NEW.sent_at IS NOT NULL"
                + "  AND (TG_OP = 'INSERT' OR NEW.sent_at IS DISTINCT FROM OLD.sent_at OR NEW.campaign_id IS DISTINCT FROM OLD.campaign_id"
                + "   OR OLD.status <> 'SENT') THEN"
                + "  INSERT INTO rollup_dirty VALUES (COALESCE(NEW.campaign_id, 0), rollup_bucket(NEW.sent_at)); END IF;"
                + " RETURN NULL; END $$",
            "CREATE TRIGGER tr_rollup_invitation_insert AFTER INSERT ON invitation FOR EACH ROW"
                + " WHEN (NEW.reminder = 0 AND NEW.status = 'SENT') EXECUTE FUNCTION rollup_mark_invitation()",
            "CREATE TRIGGER tr_rollup_invitation_update AFTER UPDATE OF status, sent_at, answered_at, campaign_id, contact_id, reminder"
                + " ON invitation FOR EACH ROW WHEN ((OLD.reminder = 0 OR NEW.reminder = 0) AND (OLD.status = 'SENT' OR NEW.status = 'SENT')"
                + " AND (OLD.status, OLD.sent_at, OLD.answered_at, OLD.campaign_id, OLD.contact_id, OLD.reminder)"
                + " IS DISTINCT FROM (NEW.status, NEW.sent_at, NEW.answered_at, NEW.campaign_id, NEW.contact_id, NEW.reminder))"
                + " EXECUTE FUNCTION rollup_mark_invitation()",
            "CREATE TRIGGER tr_rollup_invitation_delete AFTER DELETE ON invitation FOR EACH ROW"
                + " WHEN (OLD.reminder = 0 AND OLD.status = 'SENT') EXECUTE FUNCTION rollup_mark_invitation()",
            // A contact's language is a dimension of its answers and first invitations. (Erasure sets their
            // contact_id to null, which the triggers above see.)
            "CREATE FUNCTION rollup_mark_contact() RETURNS TRIGGER LANGUAGE plpgsql AS $$ BEGIN"
                + " INSERT INTO rollup_dirty SELECT DISTINCT COALESCE(campaign_id, 0), rollup_bucket(responded_at)"
                + "  FROM response WHERE contact_id = OLD.id;"
                + " INSERT INTO rollup_dirty SELECT DISTINCT COALESCE(campaign_id, 0), rollup_bucket(sent_at)"
                + "  FROM invitation WHERE contact_id = OLD.id AND reminder = 0 AND status = 'SENT' AND sent_at IS NOT NULL;"
                + " RETURN NULL; END $$",
            "CREATE TRIGGER tr_rollup_contact_language AFTER UPDATE OF language ON contact FOR EACH ROW"
                + " WHEN (OLD.language IS DISTINCT FROM NEW.language) EXECUTE FUNCTION rollup_mark_contact()",
        };
        try (Statement statement = context.getConnection().createStatement()) {
            for (String sql : ddl) {
                statement.execute(sql);
            }
        }
    }
}
