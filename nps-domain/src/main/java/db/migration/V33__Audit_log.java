package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The audit trail (issue 17): one row per change a signed-in person or API key made, append-only. On PostgreSQL a
 * trigger refuses every UPDATE, and every DELETE but the retention purge's (a transaction that set
 * {@code npsloop.audit_purge} to {@code on}, and only of rows older than the retention it names in days), so not even
 * a bug or an SQL console session of the application's role rewrites history quietly.
 */
public class V33__Audit_log extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        boolean postgreSql = JavaMigrations.onPostgreSql(context);
        try (Statement s = context.getConnection().createStatement()) {
            s.execute("CREATE SEQUENCE audit_event_seq START WITH 1 INCREMENT BY 1");
            s.execute("CREATE TABLE audit_event ("
                    + " id BIGINT NOT NULL PRIMARY KEY,"
                    + " occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,"
                    + " actor VARCHAR(200) NOT NULL,"
                    + " source_address VARCHAR(100),"
                    + " action VARCHAR(20) NOT NULL,"
                    + " entity VARCHAR(100) NOT NULL,"
                    + " entity_id VARCHAR(100),"
                    + " summary VARCHAR(1000),"
                    + " changes TEXT)");
            s.execute("CREATE INDEX ix_audit_event_time ON audit_event (occurred_at)");
            s.execute("CREATE INDEX ix_audit_event_entity ON audit_event (entity, entity_id)");
            if (postgreSql) {
                s.execute("CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$"
                        + " BEGIN"
                        + "  IF TG_OP = 'DELETE' AND current_setting('npsloop.audit_purge', true) IS NOT NULL"
                        + "     AND current_setting('npsloop.audit_purge', true) ~ '^[0-9]+$'"
                        + "     AND OLD.occurred_at < now() - make_interval(days => current_setting('npsloop.audit_purge', true)::int) THEN"
                        + "   RETURN OLD;"
                        + "  END IF;"
                        + "  RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP;"
                        + " END $$");
                s.execute("CREATE TRIGGER tr_audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event"
                        + " FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()");
                s.execute("CREATE TRIGGER tr_audit_event_no_truncate BEFORE TRUNCATE ON audit_event"
                        + " FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()");
            }
        }
    }
}
