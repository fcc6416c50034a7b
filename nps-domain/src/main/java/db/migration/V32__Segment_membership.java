package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Materialised segment membership and the rollups of each segment's answers and first invitations (issue 16), kept
 * by the reports' rollup worker (ReportRollups, SegmentRollups), on PostgreSQL only like V31.
 * <ul>
 * <li>{@code segment_member}: the contacts the segment's rule selected at {@code segment_rollup_state.members_at}
 * (never an erased one); an erased contact leaves it at once (the trigger below).</li>
 * <li>{@code segment_response_rollup} / {@code segment_invitation_rollup}: V31's rollups restricted to the members,
 * one set per segment.</li>
 * <li>{@code segment_rollup_state}: when and for which zone and version of the rule the membership was computed; a
 * report uses the segment's rollups only while they match the report zone and the rule ({@code rule_updated_at}),
 * and shows {@code members_at}. {@code requested_at}: someone asked for a refresh; {@code error}: the rule could not
 * be evaluated at {@code members_at} (reports read live).</li>
 * </ul>
 * Autovacuum is made eager on the tables the worker empties and refills (it is also vacuumed by the worker).
 */
public class V32__Segment_membership extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        if (!JavaMigrations.onPostgreSql(context)) {
            return;
        }
        String counts = JavaMigrations.scoreColumns();
        String segment = "segment_id BIGINT NOT NULL REFERENCES segment (id) ON DELETE CASCADE";
        String[] ddl = {
            "CREATE TABLE segment_member (" + segment + ", contact_id BIGINT NOT NULL REFERENCES contact (id) ON DELETE CASCADE,"
                + " PRIMARY KEY (segment_id, contact_id))",
            "CREATE INDEX ix_segment_member_contact ON segment_member (contact_id)",
            "CREATE TABLE segment_rollup_state (segment_id BIGINT NOT NULL PRIMARY KEY REFERENCES segment (id) ON DELETE CASCADE,"
                + " zone VARCHAR(64) NOT NULL, rule_updated_at TIMESTAMP WITH TIME ZONE NOT NULL,"
                + " members_at TIMESTAMP WITH TIME ZONE NOT NULL, members BIGINT NOT NULL, refresh_ms BIGINT NOT NULL,"
                + " requested_at TIMESTAMP WITH TIME ZONE, error VARCHAR(500))",
            "CREATE TABLE segment_response_rollup (" + segment + ", day DATE NOT NULL, campaign_key BIGINT NOT NULL,"
                + " channel VARCHAR(20) NOT NULL, language VARCHAR(10), flagged BOOLEAN NOT NULL" + counts + ")",
            "CREATE INDEX ix_segment_response_rollup ON segment_response_rollup (segment_id, campaign_key, day)",
            "CREATE INDEX ix_segment_response_rollup_partition ON segment_response_rollup (campaign_key, day)",
            "CREATE TABLE segment_invitation_rollup (" + segment + ", day DATE NOT NULL, campaign_key BIGINT NOT NULL,"
                + " language VARCHAR(10), sent BIGINT NOT NULL, answered BIGINT NOT NULL)",
            "CREATE INDEX ix_segment_invitation_rollup ON segment_invitation_rollup (segment_id, campaign_key, day)",
            "CREATE INDEX ix_segment_invitation_rollup_partition ON segment_invitation_rollup (campaign_key, day)",
            // Erasure keeps the contact as a tombstone: it leaves every segment at once, and the partitions of its first
            // invitations (still linked to it) are recomputed without it. (Its answers lose their contact_id, which
            // V31's triggers note.)
            "CREATE FUNCTION segment_member_erased() RETURNS TRIGGER LANGUAGE plpgsql AS $$ BEGIN"
                + " DELETE FROM segment_member WHERE contact_id = NEW.id;"
                + " INSERT INTO rollup_dirty SELECT DISTINCT COALESCE(campaign_id, 0), rollup_bucket(sent_at)"
                + "  FROM invitation WHERE contact_id = NEW.id AND reminder = 0 AND status = 'SENT' AND sent_at IS NOT NULL;"
                + " RETURN NULL; END $$",
            "CREATE TRIGGER tr_segment_member_erased AFTER UPDATE OF status ON contact FOR EACH ROW"
                + " WHEN (NEW.status = 'ERASED' AND OLD.status <> 'ERASED') EXECUTE FUNCTION segment_member_erased()",
            // The worker recounts a segment's members soon after contacts change: MAX(updated_at) read from this index.
            "CREATE INDEX ix_contact_updated ON contact (updated_at)",
            "ALTER TABLE rollup_dirty SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000)",
        };
        try (Statement statement = context.getConnection().createStatement()) {
            for (String sql : ddl) {
                statement.execute(sql);
            }
        }
    }
}
