package org.npsloop.platform.audit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The same cases on PostgreSQL, where the table's trigger also refuses every rewrite but the purge's. */
class AuditTrailPostgreSqlTest extends AuditTrailTest {

    @Override
    protected boolean onPostgreSql() {
        return true;
    }

    @Test
    void withoutThePurgesSettingEvenOldEventsCannotBeDeleted() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            AuditTrail.record(c, Instant.now().minus(Duration.ofDays(4000)), new AuditActor("admin", null), "UPDATE", "Survey", "1", null, null);
            SQLException refused = assertThrows(SQLException.class, () -> s.execute("DELETE FROM audit_event"));
            assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
        }
    }
}
