package org.npsloop.reporting.report.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.text.SpreadsheetCsv;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.platform.jdbc.Jdbc;
import org.npsloop.reporting.ReportFilter;
import org.npsloop.reporting.report.ResponseExportService;
import org.npsloop.reporting.scope.ResponseScope;

/**
 * Streams the rows from the database to the writer. In a transaction, so that PostgreSQL honours the
 * fetch size (a cursor) instead of reading every row first.
 */
@ApplicationScoped
public class DefaultResponseExportService implements ResponseExportService {

    private static final String SELECT = "SELECT r.id, r.responded_at, r.score, r.comment_text, r.contact_consent, r.channel,"
            + " k.name, k.trigger_event, r.contact_id, c.email, c.first_name, c.last_name, r.flagged" + ResponseScope.FROM;

    @Inject
    private ResponseScope scope;

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    @Override
    @Transactional
    public void export(ReportFilter filter, NpsCategory category, char separator, boolean withContactEmail, Writer out)
            throws IOException {
        CsvRows csv = CsvRows.start(out, separator, scope.zone(), withContactEmail);
        ResponseScope.Where where = scope.where(filter);
        if (category != null) {
            where = where.and("r.score BETWEEN ? AND ?", List.of(
                    category == NpsCategory.PROMOTER ? 9 : category == NpsCategory.PASSIVE ? 7 : 0,
                    category == NpsCategory.PROMOTER ? 10 : category == NpsCategory.PASSIVE ? 8 : 6));
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        SELECT + where.sql() + " ORDER BY r.responded_at DESC, r.id DESC")) {
            statement.setFetchSize(500);
            Jdbc.bind(statement, where.parameters());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long contactId = rs.getLong(9);
                    Long contact = rs.wasNull() ? null : contactId;
                    csv.row(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getInt(3), rs.getString(4),
                            rs.getBoolean(5), rs.getString(6), rs.getString(7), rs.getString(8), contact, rs.getString(10),
                            rs.getString(11), rs.getString(12), rs.getBoolean(13));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Response export failed: " + e.getMessage(), e);
        }
        csv.flush();
    }

    /** The CSV side, without a database: the BOM, the header, one line per response (through the shared writer). */
    static final class CsvRows {

        private final SpreadsheetCsv csv;
        private final ZoneId zone;
        private final boolean withContactEmail;

        private CsvRows(SpreadsheetCsv csv, ZoneId zone, boolean withContactEmail) {
            this.csv = csv;
            this.zone = zone;
            this.withContactEmail = withContactEmail;
        }

        /** Every column, the contact's email included. */
        static CsvRows start(Writer out, char separator, ZoneId zone) throws IOException {
            return start(out, separator, zone, true);
        }

        /** @throws InvalidInputException unless the separator is ',' or ';' */
        static CsvRows start(Writer out, char separator, ZoneId zone, boolean withContactEmail) throws IOException {
            List<String> columns = withContactEmail ? COLUMNS
                    : COLUMNS.stream().filter(column -> !"contact_email".equals(column)).toList();
            try {
                return new CsvRows(SpreadsheetCsv.start(out, separator, columns), zone, withContactEmail);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("separator", InvalidValueException.reasonOf(e));
            }
        }

        /** Text typed by respondents or users is made inert for spreadsheets by {@link SpreadsheetCsv}. */
        void row(long id, OffsetDateTime respondedAt, int score, String comment, boolean consent, String channel,
                String campaign, String moment, Long contactId, String email, String firstName, String lastName,
                boolean flagged) throws IOException {
            String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
            List<Object> values = new ArrayList<>(COLUMNS.size());
            values.add(id);
            values.add(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(respondedAt.atZoneSameInstant(zone).toOffsetDateTime()));
            values.add(score);
            values.add(NpsCategory.of(score).name().toLowerCase(Locale.ROOT));
            values.add(comment);
            values.add(consent);
            values.add(channel);
            values.add(campaign);
            values.add(moment);
            values.add(contactId);
            if (withContactEmail) {
                values.add(email);
            }
            values.add(name.isEmpty() ? null : name);
            values.add(flagged);
            csv.row(values);
        }

        void flush() throws IOException {
            csv.flush();
        }
    }
}
