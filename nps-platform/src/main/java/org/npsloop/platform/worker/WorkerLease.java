package org.npsloop.platform.worker;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.npsloop.platform.jdbc.Jdbc;

/**
 * A lease per singleton job in {@code worker_lease} (the bounce mailbox, the retention run): one holder at a time
 * across instances, taken by a conditional UPDATE on an auto-committing connection, renewed by its holder, taken over
 * once expired (its instance died).
 */
public final class WorkerLease {

    /** SQLSTATE of a unique violation, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private WorkerLease() {
    }

    /** Takes or renews the lease on {@code name}; false while another holder has it. */
    public static boolean claim(Connection connection, String name, String worker, Instant now, Duration lease) throws SQLException {
        try {
            Jdbc.update(connection, "INSERT INTO worker_lease (name, claimed_by, lease_until) VALUES (?, NULL, NULL)", name);
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
        }
        // A lease ending later than a full lease from now was taken by a clock that ran ahead: not to be waited for.
        return Jdbc.update(connection, "UPDATE worker_lease SET claimed_by = ?, lease_until = ? WHERE name = ? AND (claimed_by IS NULL "
                + "OR claimed_by = ? OR lease_until < ? OR lease_until > ?)", worker, now.plus(lease), name, worker, now,
                now.plus(lease)) == 1;
    }

    /** Gives the lease back (if still held by {@code worker}), so that the next holder need not wait for it to expire. */
    public static void release(Connection connection, String name, String worker) throws SQLException {
        Jdbc.update(connection, "UPDATE worker_lease SET claimed_by = NULL, lease_until = NULL WHERE name = ? AND claimed_by = ?",
                name, worker);
    }
}
