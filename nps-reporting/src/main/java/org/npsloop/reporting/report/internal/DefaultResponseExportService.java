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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.question.AnswerValue;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.text.SpreadsheetCsv;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.platform.answers.StoredAnswers;
import org.npsloop.platform.jdbc.Jdbc;
import org.npsloop.platform.jdbc.SqlDialect;
import org.npsloop.reporting.ReportFilter;
import org.npsloop.reporting.report.ResponseExportService;
import org.npsloop.reporting.scope.ResponseScope;

/**
 * Streams the rows from the database to the writer. In a transaction, so that PostgreSQL honours the
 * fetch size (a cursor) instead of reading every row first. The additional answers are read for each
 * {@link #BATCH} responses at once, on the same connection.
 */
@ApplicationScoped
public class DefaultResponseExportService implements ResponseExportService {

    private static final String SELECT = "SELECT r.id, r.responded_at, r.score, r.comment_text, r.contact_consent, r.channel,"
            + " k.name, k.trigger_event, r.contact_id, c.email, c.first_name, c.last_name, r.flagged" + ResponseScope.FROM;
    private static final int BATCH = 500;

    @Inject
    private ResponseScope scope;

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    @Override
    @Transactional
    public void export(ReportFilter filter, NpsCategory category, char separator, boolean withContactEmail, Language language,
            Writer out) throws IOException {
        ResponseScope.Where where = scope.where(filter);
        if (category != null) {
            where = where.and("r.score BETWEEN ? AND ?", List.of(
                    category == NpsCategory.PROMOTER ? 9 : category == NpsCategory.PASSIVE ? 7 : 0,
                    category == NpsCategory.PROMOTER ? 10 : category == NpsCategory.PASSIVE ? 8 : 6));
        }
        try (Connection connection = dataSource.getConnection()) {
            CsvRows csv = CsvRows.start(out, separator, scope.zone(), withContactEmail, questions(connection, where, language),
                    language);
            try (PreparedStatement statement = connection.prepareStatement(
                    SELECT + where.sql() + " ORDER BY r.responded_at DESC, r.id DESC")) {
                statement.setFetchSize(BATCH);
                Jdbc.bind(statement, where.parameters());
                List<Object[]> batch = new ArrayList<>(BATCH);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        long contactId = rs.getLong(9);
                        Long contact = rs.wasNull() ? null : contactId;
                        batch.add(new Object[] {rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getInt(3), rs.getString(4),
                                rs.getBoolean(5), rs.getString(6), rs.getString(7), rs.getString(8), contact, rs.getString(10),
                                rs.getString(11), rs.getString(12), rs.getBoolean(13)});
                        if (batch.size() == BATCH) {
                            write(connection, csv, batch);
                        }
                    }
                }
                write(connection, csv, batch);
            }
            csv.flush();
        } catch (SQLException e) {
            throw new IllegalStateException("Response export failed: " + e.getMessage(), e);
        }
    }

    private static void write(Connection connection, CsvRows csv, List<Object[]> batch) throws SQLException, IOException {
        if (batch.isEmpty()) {
            return;
        }
        Map<Long, List<StoredAnswers.Row>> answers = csv.hasQuestions()
                ? StoredAnswers.of(connection, batch.stream().map(r -> (Long) r[0]).toList()) : Map.of();
        for (Object[] r : batch) {
            csv.row((Long) r[0], (OffsetDateTime) r[1], (Integer) r[2], (String) r[3], (Boolean) r[4], (String) r[5],
                    (String) r[6], (String) r[7], (Long) r[8], (String) r[9], (String) r[10], (String) r[11], (Boolean) r[12],
                    StoredAnswers.byQuestion(answers.get((Long) r[0])));
        }
        batch.clear();
    }

    /**
     * The questions of the surveys of the selected responses, in survey then question order: those still asked, and
     * archived ones that have answers.
     */
    private static List<QuestionColumn> questions(Connection connection, ResponseScope.Where where, Language language)
            throws SQLException {
        List<QuestionColumn> columns = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT q.id, q.kind, q.text_en, q.text_fr FROM survey_question q"
                + " WHERE q.survey_id IN (SELECT k.survey_id" + ResponseScope.FROM + where.sql() + ")"
                + " AND (q.archived = FALSE OR EXISTS (SELECT 1 FROM response_answer a WHERE a.question_id = q.id))"
                + " ORDER BY q.survey_id, q.position, q.id")) {
            Jdbc.bind(select, where.parameters());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    columns.add(new QuestionColumn(rs.getLong(1), rs.getString(2),
                            language == Language.FR ? rs.getString(4) : rs.getString(3), new HashMap<>()));
                }
            }
        }
        if (!columns.isEmpty()) {
            Map<Long, QuestionColumn> byId = new HashMap<>();
            columns.forEach(c -> byId.put(c.id(), c));
            try (PreparedStatement select = connection.prepareStatement("SELECT question_id, code, label_en, label_fr"
                    + " FROM survey_question_choice WHERE question_id IN (" + SqlDialect.placeholders(columns.size()) + ")")) {
                Jdbc.bind(select, columns.stream().map(QuestionColumn::id).toList());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        byId.get(rs.getLong(1)).labels().put(rs.getString(2), language == Language.FR ? rs.getString(4) : rs.getString(3));
                    }
                }
            }
        }
        return columns;
    }

    /**
     * One additional question as a column: its header (the wording in the reader's language) and its options' labels
     * by code, in that language.
     */
    record QuestionColumn(long id, String kind, String header, Map<String, String> labels) {
    }

    /** The CSV side, without a database: the BOM, the header, one line per response (through the shared writer). */
    static final class CsvRows {

        private final SpreadsheetCsv csv;
        private final ZoneId zone;
        private final boolean withContactEmail;
        private final List<QuestionColumn> questions;
        private final String yes;
        private final String no;

        private CsvRows(SpreadsheetCsv csv, ZoneId zone, boolean withContactEmail, List<QuestionColumn> questions,
                Language language) {
            this.csv = csv;
            this.zone = zone;
            this.withContactEmail = withContactEmail;
            this.questions = questions;
            Map<String, String> labels = ReportRenderer.labels(language);
            this.yes = labels.get("entry.answers.yes");
            this.no = labels.get("entry.answers.no");
        }

        /** Every column, the contact's email included. */
        static CsvRows start(Writer out, char separator, ZoneId zone) throws IOException {
            return start(out, separator, zone, true);
        }

        static CsvRows start(Writer out, char separator, ZoneId zone, boolean withContactEmail) throws IOException {
            return start(out, separator, zone, withContactEmail, List.of(), Language.EN);
        }

        /** @throws InvalidInputException unless the separator is ',' or ';' */
        static CsvRows start(Writer out, char separator, ZoneId zone, boolean withContactEmail, List<QuestionColumn> questions,
                Language language) throws IOException {
            List<String> columns = new ArrayList<>(withContactEmail ? COLUMNS
                    : COLUMNS.stream().filter(column -> !"contact_email".equals(column)).toList());
            // Two surveys may word a question alike: the later column says which question it is.
            Set<String> headers = new HashSet<>(columns);
            for (QuestionColumn question : questions) {
                columns.add(headers.add(question.header()) ? question.header() : question.header() + " (" + question.id() + ")");
            }
            try {
                return new CsvRows(SpreadsheetCsv.start(out, separator, columns), zone, withContactEmail, questions, language);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("separator", InvalidValueException.reasonOf(e));
            }
        }

        boolean hasQuestions() {
            return !questions.isEmpty();
        }

        void row(long id, OffsetDateTime respondedAt, int score, String comment, boolean consent, String channel,
                String campaign, String moment, Long contactId, String email, String firstName, String lastName,
                boolean flagged) throws IOException {
            row(id, respondedAt, score, comment, consent, channel, campaign, moment, contactId, email, firstName, lastName,
                    flagged, Map.of());
        }

        /** Text typed by respondents or users is made inert for spreadsheets by {@link SpreadsheetCsv}. */
        void row(long id, OffsetDateTime respondedAt, int score, String comment, boolean consent, String channel,
                String campaign, String moment, Long contactId, String email, String firstName, String lastName,
                boolean flagged, Map<Long, AnswerValue> answers) throws IOException {
            String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
            List<Object> values = new ArrayList<>(COLUMNS.size() + questions.size());
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
            for (QuestionColumn question : questions) {
                values.add(cell(question, answers.get(question.id())));
            }
            csv.row(values);
        }

        /** The rating as a number, the options' labels joined by "; ", yes/no in words, the text; empty when unanswered. */
        private Object cell(QuestionColumn question, AnswerValue answer) {
            if (answer == null || answer.isEmpty()) {
                return null;
            }
            if (answer.rating() != null) {
                return answer.rating();
            }
            if (!answer.choices().isEmpty()) {
                return String.join("; ", answer.choices().stream().map(code -> question.labels().getOrDefault(code, code)).toList());
            }
            if (answer.yesNo() != null) {
                return answer.yesNo() ? yes : no;
            }
            return answer.text();
        }

        void flush() throws IOException {
            csv.flush();
        }
    }
}
