package org.npsloop.campaigns.audience.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.npsloop.platform.jdbc.Jdbc;

/**
 * The lease of a running contact import (import_job.claimed_by, lease_until) and its checkpoint (last_line), taken and
 * renewed by conditional UPDATEs like the other leases (worker_lease, webhook and dispatch queues). Every change bumps
 * the job's JPA version, so a holder that lost its lease cannot commit a batch or end the job over the new holder.
 */
final class ImportLeases {

    private final Connection connection;

    ImportLeases(Connection connection) {
        this.connection = connection;
    }

    /** Takes a pending or running contact import whose lease has expired (its instance died); empty when none. */
    Optional<Long> claimExpired(String worker, Instant now, Duration lease) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM import_job WHERE status IN ('PENDING', "
                + "'RUNNING') AND kind = 'CONTACTS' AND upload_id IS NOT NULL AND (lease_until IS NULL OR lease_until < ?) "
                + "ORDER BY id")) {
            Jdbc.bind(select, now);
            select.setMaxRows(5);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    // Conditional: of two instances seeing the same expired job, one takes it.
                    if (Jdbc.update(connection, "UPDATE import_job SET claimed_by = ?, lease_until = ?, version = version + 1 "
                            + "WHERE id = ? AND status IN ('PENDING', 'RUNNING') AND (lease_until IS NULL OR lease_until < ?)",
                            worker, now.plus(lease), id, now) == 1) {
                        return Optional.of(id);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Renews the lease; false when another worker holds it now. */
    boolean renew(long jobId, String worker, Instant now, Duration lease) throws SQLException {
        return Jdbc.update(connection, "UPDATE import_job SET lease_until = ?, version = version + 1 WHERE id = ? AND claimed_by = ?",
                now.plus(lease), jobId, worker) == 1;
    }

    /**
     * Counts one committed batch and moves the checkpoint to its last line, renewing the lease: to run in the batch's
     * own transaction. False when another worker holds the lease: the caller must then roll the batch back.
     */
    boolean checkpoint(long jobId, String worker, int imported, int rejected, int lastLine, Instant now, Duration lease)
            throws SQLException {
        return Jdbc.update(connection, "UPDATE import_job SET imported_rows = imported_rows + ?, rejected_rows = rejected_rows + ?, "
                + "processed_rows = processed_rows + ?, last_line = ?, lease_until = ?, version = version + 1 "
                + "WHERE id = ? AND claimed_by = ? AND last_line < ?", imported, rejected, imported + rejected, lastLine,
                now.plus(lease), jobId, worker, lastLine) == 1;
    }

    /** The file line of the last row of the last committed batch (0 before the first). */
    int lastLine(long jobId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT last_line FROM import_job WHERE id = ?")) {
            select.setLong(1, jobId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }
}
