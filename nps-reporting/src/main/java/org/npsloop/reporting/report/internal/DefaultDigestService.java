package org.npsloop.reporting.report.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.notification.NotificationMail;
import org.npsloop.domain.nps.TrendGranularity;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.domain.validation.Violations;
import org.npsloop.reporting.dashboard.Dashboard;
import org.npsloop.reporting.report.DigestService;
import org.npsloop.reporting.ReportFilter;
import org.npsloop.reporting.report.ReportSections;
import org.npsloop.reporting.dashboard.ReportService;
import org.npsloop.reporting.drilldown.DrillDownService;
import org.npsloop.reporting.drilldown.Driver;
import org.npsloop.reporting.scope.ResponseScope;

/**
 * Settings in {@code digest_settings} (one row) and {@code digest_recipient}. A week's digest is claimed by
 * a conditional UPDATE of {@code last_slot} in the transaction that fires the mails, which the mail
 * module sends once it has committed: an instance that loses the race sends nothing, and a rolled-back
 * claim sends nothing either.
 */
@ApplicationScoped
public class DefaultDigestService implements DigestService {

    private static final Logger LOG = Logger.getLogger(DefaultDigestService.class.getName());
    private static final int TOP_THEMES = 5;

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private ReportService reports;

    @Inject
    private ReportSections sections;

    @Inject
    private ResponseScope scope;

    @Inject
    private DrillDownService drillDown;

    @Inject
    private Clock clock;

    @Inject
    private Event<NotificationMail> mails;

    @Inject
    @ConfigProperty(name = "nps.base-url")
    private String baseUrl;

    private final ReportRenderer renderer = new ReportRenderer();

    @Override
    @Transactional
    public Settings settings() {
        try (Connection db = dataSource.getConnection()) {
            return read(db);
        } catch (SQLException e) {
            throw new IllegalStateException("Digest settings failed: " + e.getMessage(), e);
        }
    }

    @Override
    @Transactional
    public List<Candidate> candidates() {
        try (Connection db = dataSource.getConnection();
                PreparedStatement q = db.prepareStatement("SELECT id, username, display_name, email FROM app_user"
                        + " WHERE enabled = TRUE AND email IS NOT NULL AND email <> '' ORDER BY display_name, username");
                ResultSet rs = q.executeQuery()) {
            List<Candidate> candidates = new ArrayList<>();
            while (rs.next()) {
                candidates.add(new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
            return candidates;
        } catch (SQLException e) {
            throw new IllegalStateException("Digest recipients failed: " + e.getMessage(), e);
        }
    }

    @Override
    @Transactional
    public Settings save(Settings settings, String changedBy) {
        Violations violations = new Violations();
        if (settings.weekday() == null) {
            violations.add("weekday", "digest.weekday.required");
        }
        if (settings.hour() < 0 || settings.hour() > 23) {
            violations.add("hour", "digest.hour.range", settings.hour());
        }
        Set<Long> known = new LinkedHashSet<>();
        candidates().forEach(c -> known.add(c.id()));
        Set<Long> recipients = new LinkedHashSet<>(settings.recipients());
        for (Long id : recipients) {
            if (id == null || !known.contains(id)) {
                violations.add("recipients", "digest.recipient.unknown", String.valueOf(id));
            }
        }
        if (settings.enabled() && recipients.isEmpty()) {
            violations.add("recipients", "digest.recipients.required");
        }
        violations.throwIfAny();
        Instant now = clock.instant();
        // The latest slot already passed counts as done: the first digest goes at the next one to come.
        Instant done = latestSlot(now, scope.zone(), settings.weekday(), settings.hour());
        try (Connection db = dataSource.getConnection()) {
            try (PreparedStatement update = db.prepareStatement("UPDATE digest_settings SET enabled = ?, weekday = ?,"
                    + " send_hour = ?, last_slot = ?, updated_at = ?, updated_by = ? WHERE id = 1")) {
                update.setBoolean(1, settings.enabled());
                update.setInt(2, settings.weekday().getValue());
                update.setInt(3, settings.hour());
                update.setObject(4, OffsetDateTime.ofInstant(done, ZoneOffset.UTC));
                update.setObject(5, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                update.setString(6, changedBy);
                update.executeUpdate();
            }
            try (PreparedStatement delete = db.prepareStatement("DELETE FROM digest_recipient")) {
                delete.executeUpdate();
            }
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO digest_recipient (user_id) VALUES (?)")) {
                for (Long id : recipients) {
                    insert.setLong(1, id);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return read(db);
        } catch (SQLException e) {
            throw new IllegalStateException("Saving the digest settings failed: " + e.getMessage(), e);
        }
    }

    @Override
    @Transactional
    public String sendNow(String username) {
        Recipient me;
        try (Connection db = dataSource.getConnection();
                PreparedStatement q = db.prepareStatement(
                        "SELECT email, preferred_language FROM app_user WHERE username = ? AND enabled = TRUE")) {
            q.setString(1, username);
            try (ResultSet rs = q.executeQuery()) {
                me = rs.next() ? new Recipient(rs.getString(1), language(rs.getString(2))) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Digest failed: " + e.getMessage(), e);
        }
        if (me == null || me.email() == null || me.email().isBlank()) {
            throw new InvalidInputException("to", "digest.to.noEmail");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), scope.zone());
        send(List.of(me), today.minusDays(6), today);
        return me.email();
    }

    @Override
    @Transactional
    public int sendIfDue() {
        Instant now = clock.instant();
        ZoneId zone = scope.zone();
        try (Connection db = dataSource.getConnection()) {
            Settings settings = read(db);
            if (!settings.enabled()) {
                return 0;
            }
            Instant slot = latestSlot(now, zone, settings.weekday(), settings.hour());
            try (PreparedStatement claim = db.prepareStatement("UPDATE digest_settings SET last_slot = ? WHERE id = 1"
                    + " AND enabled = TRUE AND weekday = ? AND send_hour = ? AND (last_slot IS NULL OR last_slot < ?)")) {
                OffsetDateTime at = OffsetDateTime.ofInstant(slot, ZoneOffset.UTC);
                claim.setObject(1, at);
                claim.setInt(2, settings.weekday().getValue());
                claim.setInt(3, settings.hour());
                claim.setObject(4, at);
                if (claim.executeUpdate() == 0) {
                    return 0;
                }
            }
            List<Recipient> recipients = new ArrayList<>();
            try (PreparedStatement q = db.prepareStatement("SELECT u.email, u.preferred_language FROM digest_recipient d"
                    + " JOIN app_user u ON u.id = d.user_id WHERE u.enabled = TRUE AND u.email IS NOT NULL AND u.email <> ''"
                    + " ORDER BY u.id"); ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    recipients.add(new Recipient(rs.getString(1), language(rs.getString(2))));
                }
            }
            // The 7 whole days before the slot's day: the same week whenever the digest is sent.
            LocalDate day = slot.atZone(zone).toLocalDate();
            send(recipients, day.minusDays(7), day.minusDays(1));
            LOG.info(() -> "Weekly digest of " + day + " sent to " + recipients.size() + " recipient(s)");
            return recipients.size();
        } catch (SQLException e) {
            throw new IllegalStateException("Weekly digest failed: " + e.getMessage(), e);
        }
    }

    /** The latest instant at or before {@code now} that falls on the weekday at the hour, in the zone. */
    static Instant latestSlot(Instant now, ZoneId zone, DayOfWeek weekday, int hour) {
        ZonedDateTime local = now.atZone(zone);
        LocalDate day = local.toLocalDate().with(TemporalAdjusters.previousOrSame(weekday));
        ZonedDateTime slot = day.atTime(hour, 0).atZone(zone);
        if (slot.toInstant().isAfter(now)) {
            slot = day.minusWeeks(1).atTime(hour, 0).atZone(zone);
        }
        return slot.toInstant();
    }

    private record Recipient(String email, Language language) {
    }

    private void send(List<Recipient> recipients, LocalDate from, LocalDate to) {
        ReportFilter filter = ReportFilter.period(from, to);
        Dashboard dashboard = reports.dashboard(filter, TrendGranularity.WEEK);
        ReportSections.FollowUpSummary open = sections.followUps(ReportFilter.everything());
        List<Driver> drivers = drillDown.drivers(filter);
        String link = baseUrl + (baseUrl.endsWith("/") ? "" : "/") + "reports/internal.xhtml?from=" + from + "&to=" + to;
        for (Recipient recipient : recipients) {
            List<ReportSections.ThemeCount> themes = sections.topThemes(filter, recipient.language(), TOP_THEMES);
            ReportRenderer.DigestContent content = renderer.digest(recipient.language(), scope.zone(), from, to, dashboard,
                    themes, drivers, open, link);
            mails.fire(new NotificationMail(recipient.email(), content.subject(), content.html(), content.text()));
        }
    }

    private static Language language(String code) {
        return "FR".equalsIgnoreCase(code) ? Language.FR : Language.EN;
    }

    private static Settings read(Connection db) throws SQLException {
        boolean enabled;
        DayOfWeek weekday;
        int hour;
        try (PreparedStatement q = db.prepareStatement("SELECT enabled, weekday, send_hour FROM digest_settings WHERE id = 1");
                ResultSet rs = q.executeQuery()) {
            if (!rs.next()) {
                return new Settings(false, DayOfWeek.MONDAY, 8, List.of());
            }
            enabled = rs.getBoolean(1);
            weekday = DayOfWeek.of(rs.getInt(2));
            hour = rs.getInt(3);
        }
        List<Long> recipients = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("SELECT user_id FROM digest_recipient ORDER BY user_id");
                ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                recipients.add(rs.getLong(1));
            }
        }
        return new Settings(enabled, weekday, hour, recipients);
    }
}
