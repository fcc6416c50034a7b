package org.npsloop.platform.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.npsloop.platform.MigratedDatabaseTest;

/** The audit trail's writes, reads and retention purge, on H2 (and on PostgreSQL in the subclass). */
class AuditTrailTest extends MigratedDatabaseTest {

    private static final AuditActor ADMIN = new AuditActor("admin", "203.0.113.7");

    @Test
    void eventsAreReadNewestFirstByActorEntityAndPeriod() throws SQLException {
        Instant now = Instant.now();
        try (Connection c = connect()) {
            AuditTrail.record(c, now.minus(Duration.ofDays(3)), ADMIN, "UPDATE", "Survey", "7", null, "{\"name\":{\"before\":\"a\",\"after\":\"b\"}}");
            AuditTrail.record(c, now.minus(Duration.ofDays(1)), new AuditActor("api-key:crm", null), "DELETE", "API", "/api/contacts/3",
                    "DELETE /api/contacts/3 → 204", null);
            AuditTrail.record(c, now, ADMIN, "CREATE", "Survey", "8", null, "{}");
            AuditTrail.Page all = AuditTrail.read(c, new AuditTrail.Filter(null, null, null, null, null), 0, 10);
            assertEquals(3, all.total());
            assertEquals(List.of("8", "/api/contacts/3", "7"), all.events().stream().map(AuditTrail.Event::entityId).toList());
            assertEquals("203.0.113.7", all.events().get(0).sourceAddress());
            assertEquals(List.of("8", "7"), ids(c, new AuditTrail.Filter("admin", "Survey", null, null, null)));
            assertEquals(List.of("/api/contacts/3"), ids(c, new AuditTrail.Filter(" api-key:crm ", null, null, null, null)));
            assertEquals(List.of("/api/contacts/3"), ids(c, new AuditTrail.Filter(null, null, null, now.minus(Duration.ofDays(2)),
                    now.minusSeconds(60))));
            AuditTrail.Page second = AuditTrail.read(c, new AuditTrail.Filter(null, null, null, null, null), 1, 1);
            assertEquals(3, second.total());
            assertEquals(List.of("/api/contacts/3"), second.events().stream().map(AuditTrail.Event::entityId).toList());
        }
    }

    @Test
    void thePurgeRemovesOnlyEventsOlderThanTheRetentionAndSaysSo() throws SQLException {
        Instant now = Instant.now();
        try (Connection c = connect()) {
            AuditTrail.record(c, now.minus(Duration.ofDays(400)), ADMIN, "UPDATE", "Survey", "1", null, null);
            AuditTrail.record(c, now.minus(Duration.ofDays(366)), ADMIN, "UPDATE", "Survey", "2", null, null);
            AuditTrail.record(c, now.minus(Duration.ofDays(364)), ADMIN, "UPDATE", "Survey", "3", null, null);
            AuditTrail.record(c, now, ADMIN, "UPDATE", "Survey", "4", null, null);
            assertEquals(2, AuditTrail.purge(c, 365));
            assertEquals(List.of("4", "3"), ids(c, new AuditTrail.Filter("admin", null, null, null, null)));
            AuditTrail.Event purge = AuditTrail.read(c, new AuditTrail.Filter("system:retention", null, null, null, null), 0, 10)
                    .events().get(0);
            assertEquals("PURGE", purge.action());
            assertEquals("2 events older than 365 days removed", purge.summary());
            assertEquals(0, AuditTrail.purge(c, 365), "nothing left that old, and no event about nothing");
            assertEquals(1, AuditTrail.read(c, new AuditTrail.Filter("system:retention", null, null, null, null), 0, 10).total());
            assertTrue(c.getAutoCommit(), "the connection handed back as it came");
            assertThrows(IllegalArgumentException.class, () -> AuditTrail.purge(c, 0));
        }
    }

    private static List<String> ids(Connection c, AuditTrail.Filter filter) throws SQLException {
        return AuditTrail.read(c, filter, 0, 100).events().stream().map(AuditTrail.Event::entityId).toList();
    }
}
