package org.npsloop.campaigns.webhook.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.npsloop.campaigns.webhook.WebhookService;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.platform.jdbc.Jdbc;

/** The webhook's settings and delivery log, in plain SQL within the caller's (JTA) transaction. */
@ApplicationScoped
@Transactional
public class DefaultWebhookService implements WebhookService {

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private Clock clock;

    @Inject
    private OutboundSettings outbound;

    private record Row(String url, String secret, boolean enabled, Instant updatedAt, String updatedBy) {
    }

    @Override
    public WebhookSettings settings() {
        try (Connection db = dataSource.getConnection()) {
            Row row = row(db, false);
            return row == null ? new WebhookSettings(null, false, false, null, null, null) : view(row);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public SavedWebhook save(WebhookChange change, String changedBy) {
        if (change == null) {
            throw new InvalidInputException("url", "webhook.body.expected");
        }
        try (Connection db = dataSource.getConnection()) {
            Row current = row(db, true);
            boolean wasEnabled = current != null && current.enabled();
            boolean enabled = change.enabled() == null ? wasEnabled : change.enabled();
            String url = change.url() == null ? (current == null ? null : current.url())
                    : change.url().isBlank() ? null : change.url().strip();
            // Checked when it will be used (enabled) or is being changed: switching off never depends on the stored
            // address still passing (its host may resolve elsewhere by now).
            if (enabled || (change.url() != null && url != null)) {
                try {
                    url = WebhookUrls.check(url, outbound.guard());
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException("url", InvalidValueException.reasonOf(e));
                }
            }
            String secret = current == null ? null : current.secret();
            String newSecret = null;
            if (change.regenerateSecret() || (enabled && secret == null)) {
                newSecret = WebhookSignature.newSecret();
                secret = newSecret;
            }
            Instant now = clock.instant();
            // Enabling starts from now: what changed while the webhook was off is not sent afterwards.
            boolean restart = enabled && !wasEnabled;
            String sql = current == null
                    ? "INSERT INTO webhook_endpoint (url, secret, enabled, scanned_to, updated_at, updated_by, version, id) "
                            + "VALUES (?, ?, ?, ?, ?, ?, 1, ?)"
                    : "UPDATE webhook_endpoint SET url = ?, secret = ?, enabled = ?, scanned_to = "
                            + (restart ? "?" : "COALESCE(CAST(? AS TIMESTAMP WITH TIME ZONE), scanned_to)") + ", updated_at = ?, updated_by = ?, "
                            + "version = version + 1 WHERE id = ?";
            try (PreparedStatement write = db.prepareStatement(sql)) {
                // A NULL scan position keeps the stored one (COALESCE above).
                Jdbc.bind(write, url, secret, enabled, restart || current == null ? now : null, now, changedBy,
                        WebhookQueue.ENDPOINT_ID);
                write.executeUpdate();
            }
            return new SavedWebhook(view(new Row(url, secret, enabled, now, changedBy)), newSecret);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<Delivery> recentDeliveries(int max) {
        List<Delivery> deliveries = new ArrayList<>();
        try (Connection db = dataSource.getConnection();
                PreparedStatement select = db.prepareStatement("SELECT id, event_id, event_type, response_id, response_version, "
                        + "status, attempts, last_status, last_error, created_at, next_attempt_at, delivered_at FROM webhook_delivery "
                        + "ORDER BY created_at DESC, id DESC FETCH FIRST " + Math.max(1, Math.min(max, 1000)) + " ROWS ONLY");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                int lastStatus = rs.getInt(8);
                Integer status = rs.wasNull() ? null : lastStatus;
                deliveries.add(new Delivery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, Long.class), rs.getObject(5, Long.class),
                        rs.getString(6), rs.getInt(7), status, WebhookSender.shown(rs.getString(9)), Jdbc.instant(rs, 10), Jdbc.instant(rs, 11), Jdbc.instant(rs, 12)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return deliveries;
    }

    /** The endpoint row; locked when about to be changed, so that two administrators saving at once take turns. */
    private static Row row(Connection db, boolean forUpdate) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("SELECT url, secret, enabled, updated_at, updated_by "
                + "FROM webhook_endpoint WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            select.setLong(1, WebhookQueue.ENDPOINT_ID);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? new Row(rs.getString(1), rs.getString(2), rs.getBoolean(3), Jdbc.instant(rs, 4), rs.getString(5)) : null;
            }
        }
    }

    private static WebhookSettings view(Row row) {
        String hint = row.secret() == null ? null
                : WebhookSignature.SECRET_PREFIX + "\u2026" + row.secret().substring(Math.max(0, row.secret().length() - 4));
        return new WebhookSettings(row.url(), row.enabled(), row.secret() != null, hint, row.updatedAt(), row.updatedBy());
    }
}
