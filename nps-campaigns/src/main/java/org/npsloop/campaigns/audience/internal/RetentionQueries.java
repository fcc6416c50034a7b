package org.npsloop.campaigns.audience.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.npsloop.domain.retention.RetentionRule;
import org.npsloop.platform.jdbc.Jdbc;
import org.npsloop.platform.jdbc.SqlDialect;

/**
 * What each retention rule selects, written once so that the dry run counts exactly the rows the run then takes, and
 * the SQL of the rules that remove rows without the erasure (tokens, outbox, webhook deliveries). Each batch is one
 * statement on an auto-committing connection: a big purge holds no long transaction.
 */
final class RetentionQueries {

    /** What a purged invitation's token hash becomes: unique, and never the SHA-256 of any link's token. */
    static final String PURGED_TOKEN = "purged-";

    private final Connection connection;

    RetentionQueries(Connection connection) {
        this.connection = connection;
    }

    /** The table, its id column and the condition (each {@code ?} a cutoff) of a rule. */
    private record Selection(String table, String condition) {
    }

    private static Selection selection(RetentionRule rule) {
        return switch (rule) {
            // Not surveyed (no invitation sent, pending or planned since), not updated, no answer and no journey event
            // since the cutoff; an erased contact is not counted again.
            case CONTACTS -> new Selection("contact", "status <> 'ERASED' AND updated_at < ? AND created_at < ? "
                    + "AND NOT EXISTS (SELECT 1 FROM invitation i WHERE i.contact_id = contact.id AND (i.status IN ('PENDING', 'CLAIMED') "
                    + "OR i.sent_at >= ? OR i.created_at >= ?)) "
                    + "AND NOT EXISTS (SELECT 1 FROM response r WHERE r.contact_id = contact.id AND r.responded_at >= ?) "
                    + "AND NOT EXISTS (SELECT 1 FROM journey_event e WHERE e.contact_id = contact.id AND (e.occurred_at >= ? OR e.created_at >= ?))");
            // Answers given before the cutoff that still hold words or a link to their author.
            case COMMENTS -> new Selection("response", "responded_at < ? AND (contact_id IS NOT NULL OR comment_text IS NOT NULL "
                    + "OR contact_consent = TRUE "
                    + "OR EXISTS (SELECT 1 FROM response_change h WHERE h.response_id = response.id AND h.comment_text IS NOT NULL) "
                    + "OR EXISTS (SELECT 1 FROM response_answer a JOIN survey_question q ON q.id = a.question_id "
                    + "WHERE a.response_id = response.id AND q.kind = 'SHORT_TEXT' AND a.text_value IS NOT NULL))");
            // Invitations done with (sent, failed or skipped) before the cutoff, their token not purged yet.
            case INVITATIONS -> new Selection("invitation", "status IN ('SENT', 'FAILED', 'SKIPPED') "
                    + "AND COALESCE(sent_at, created_at) < ? AND token_hash NOT LIKE '" + PURGED_TOKEN + "%'");
            case OUTBOX -> new Selection("outbox_message", "created_at < ?");
            // Finished deliveries only: a pending one still needs its payload.
            case WEBHOOKS -> new Selection("webhook_delivery", "status IN ('DELIVERED', 'FAILED') AND created_at < ?");
        };
    }

    private static List<Object> cutoffs(String condition, Instant cutoff) {
        return new ArrayList<>(Collections.nCopies((int) condition.chars().filter(c -> c == '?').count(), cutoff));
    }

    long count(RetentionRule rule, Instant cutoff) throws SQLException {
        Selection selection = selection(rule);
        try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM " + selection.table() + " WHERE "
                + selection.condition())) {
            Jdbc.bind(select, cutoffs(selection.condition(), cutoff));
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The next batch of ids under the rule, after {@code afterId} (keyset: a row that stays does not stop the run). */
    List<Long> next(RetentionRule rule, Instant cutoff, long afterId, int batch) throws SQLException {
        Selection selection = selection(rule);
        List<Object> values = cutoffs(selection.condition(), cutoff);
        values.add(afterId);
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM " + selection.table() + " WHERE "
                + selection.condition() + " AND id > ? ORDER BY id")) {
            Jdbc.bind(select, values);
            select.setMaxRows(batch);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /**
     * Invitations' links stop working (the token hash no longer matches any token: the respondent gets the unknown-link
     * page) and their delivery data goes: SMTP replies, leases, the unsent token, bot suspicion, and the address, reply
     * text, evidence and message id of their bounce and complaint reports. Status, times and counts stay.
     */
    int purgeInvitations(List<Long> ids) throws SQLException {
        String in = SqlDialect.placeholders(ids.size());
        Jdbc.update(connection, "UPDATE delivery_event SET email = NULL, detail = NULL, evidence = NULL, external_id = NULL "
                + "WHERE invitation_id IN (" + in + ")", ids.toArray());
        return Jdbc.update(connection, "UPDATE invitation SET token_hash = '" + PURGED_TOKEN + "' || CAST(id AS VARCHAR(20)), "
                + "token_secret = NULL, last_error = NULL, claimed_by = NULL, lease_until = NULL, bot_suspicion = NULL, "
                + "version = version + 1 WHERE id IN (" + in + ")", ids.toArray());
    }

    int deleteOutbox(List<Long> ids) throws SQLException {
        return Jdbc.update(connection, "DELETE FROM outbox_message WHERE id IN (" + SqlDialect.placeholders(ids.size()) + ")",
                ids.toArray());
    }

    /** Deleted rather than emptied, as the webhook's own purge of finished deliveries does. */
    int deleteWebhookDeliveries(List<Long> ids) throws SQLException {
        return Jdbc.update(connection, "DELETE FROM webhook_delivery WHERE id IN (" + SqlDialect.placeholders(ids.size())
                + ") AND status IN ('DELIVERED', 'FAILED')", ids.toArray());
    }
}
