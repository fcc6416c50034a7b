package org.npsloop.campaigns.deliverability.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.npsloop.campaigns.deliverability.InboundMailService.InboundStatus;
import org.npsloop.platform.jdbc.Jdbc;
import org.npsloop.platform.worker.WorkerLease;

/**
 * The SQL of the bounce mailbox poller on an auto-committing connection: the lease of the mailbox (one instance
 * polls it at a time) and the row of each mail handled (its received key unique: the last guard of "once").
 */
final class InboundMailStore {

    /** SQLSTATE of a unique violation, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final Connection connection;

    InboundMailStore(Connection connection) {
        this.connection = connection;
    }

    /** Takes or renews the lease on {@code name}; false while another instance holds it. */
    boolean claim(String name, String worker, Instant now, Duration lease) throws SQLException {
        return WorkerLease.claim(connection, name, worker, now, lease);
    }

    void release(String name, String worker) throws SQLException {
        WorkerLease.release(connection, name, worker);
    }

    /** The status of the mail already handled under this key. */
    Optional<InboundStatus> statusOf(String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT status FROM inbound_mail WHERE received_key = ?")) {
            Jdbc.bind(select, key);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(InboundStatus.valueOf(rs.getString(1))) : Optional.empty();
            }
        }
    }

    /** One handled mail; false when another poller recorded the same key first. */
    boolean record(String key, ReturnedMail.Kind kind, InboundStatus status, String subject, String sender, String recipient,
            String statusCode, String detail, String rawText, Instant now) throws SQLException {
        try {
            Jdbc.update(connection, "INSERT INTO inbound_mail (received_key, kind, status, subject, sender, recipient, status_code, "
                    + "detail, raw_text, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", key, kind, status,
                    ReturnedMail.cut(subject, 500), ReturnedMail.cut(sender, 320), ReturnedMail.cut(recipient, 320),
                    ReturnedMail.cut(statusCode, 20), ReturnedMail.cut(detail, 1000), ReturnedMail.cut(rawText, RAW_MAX), now);
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /** Longest raw text kept for the review (the column's size). */
    static final int RAW_MAX = 100_000;
}
