package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.npsloop.domain.campaign.InvitationToken;

/**
 * Shortcuts for the respondent tests: the tokens of received invitations, plain HTTP requests in a
 * chosen language, and the rows the pages do not show (answers, their history, flags), read
 * straight from the test database (it.db.url).
 */
final class Respondents {

    private static final Pattern SCORE_LINK = Pattern.compile("/r/([A-Za-z0-9_-]{22})\\?score=(\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private Respondents() {
    }

    /** The HTML part of an invitation. */
    static String html(MimeMessage message) {
        try {
            return (String) ((Multipart) message.getContent()).getBodyPart(1).getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The 11 score links' paths ("r/TOKEN?score=N") of an invitation, in score order; all carry one token. */
    static List<String> scoreLinks(MimeMessage message) {
        Matcher m = SCORE_LINK.matcher(html(message));
        Map<Integer, String> links = new java.util.TreeMap<>();
        String token = null;
        while (m.find()) {
            links.put(Integer.parseInt(m.group(2)), "r/" + m.group(1) + "?score=" + m.group(2));
            assertEquals(token == null ? m.group(1) : token, m.group(1), "one token per message");
            token = m.group(1);
        }
        assertEquals(11, links.size(), "11 score links");
        return new ArrayList<>(links.values());
    }

    static String token(MimeMessage message) {
        String first = scoreLinks(message).get(0);
        return first.substring(2, first.indexOf('?'));
    }

    static HttpResponse<String> get(URL base, String path, String language) {
        return send(HttpRequest.newBuilder(URI.create(base.toExternalForm()).resolve(path)).GET()
                .header("Accept-Language", language));
    }

    static HttpResponse<String> post(URL base, String path, String body, String language) {
        return send(HttpRequest.newBuilder(URI.create(base.toExternalForm()).resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", language)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The answer to the invitation of this token (score, comment_text, contact_consent, flagged, flag_reason, updated_at, changes), or null. Times are Instants. */
    static Map<String, Object> response(String token) {
        List<Map<String, Object>> rows = rows("SELECT r.score, r.comment_text, r.contact_consent, r.flagged, r.flag_reason, "
                + "r.updated_at, (SELECT COUNT(*) FROM response_change c WHERE c.response_id = r.id) AS changes "
                + "FROM response r JOIN invitation i ON i.id = r.invitation_id WHERE i.token_hash = ?", InvitationToken.hashOf(token));
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The invitation of this token: sent_at, first_opened_at, last_opened_at, last_opened_score, bot_suspicion, answered_at. */
    static Map<String, Object> invitation(String token) {
        return rows("SELECT sent_at, first_opened_at, last_opened_at, last_opened_score, bot_suspicion, answered_at FROM invitation "
                + "WHERE token_hash = ?", InvitationToken.hashOf(token)).get(0);
    }

    /** Waits until the invitation was sent more than the bot window (5 s) ago: an answer sooner is flagged by that alone. */
    static void pastTheBotWindow(String token) throws InterruptedException {
        Instant sent = (Instant) invitation(token).get("sent_at");
        long wait = Duration.between(Instant.now(), sent.plusSeconds(6)).toMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    /**
     * Adds an additional question to a survey straight in the database (as the editor would), its texts in English and
     * French ("FR: " + text); choices get the codes C1, C2... Returns its id, taken from the sequence that JPA draws
     * from, so that it never collides with a question the application creates.
     */
    static long question(long surveyId, int position, String kind, String audience, boolean required, String text,
            String scale, Long touchpointId, String... choices) {
        long id = ((Number) rows("SELECT nextval('survey_question_seq') AS id").get(0).get("id")).longValue();
        update("INSERT INTO survey_question (id, survey_id, position, kind, rating_scale, touchpoint_id, required, audience,"
                + " text_en, text_fr, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                id, surveyId, position, kind, scale, touchpointId, required, audience, text, "FR: " + text);
        for (int i = 0; i < choices.length; i++) {
            update("INSERT INTO survey_question_choice (question_id, position, code, label_en, label_fr) VALUES (?, ?, ?, ?, ?)",
                    id, i, "C" + (i + 1), choices[i], "FR: " + choices[i]);
        }
        return id;
    }

    /** The stored answers to the additional questions of the response of this token, written out as in their history. */
    static Map<Long, String> answers(String token) {
        Map<Long, String> answers = new java.util.TreeMap<>();
        for (Map<String, Object> row : rows("SELECT a.question_id, a.rating, a.text_value, a.yes_no,"
                + " (SELECT string_agg(c.choice_code, '|' ORDER BY c.choice_code) FROM response_answer_choice c WHERE c.answer_id = a.id) AS choices"
                + " FROM response_answer a JOIN response r ON r.id = a.response_id JOIN invitation i ON i.id = r.invitation_id"
                + " WHERE i.token_hash = ?", InvitationToken.hashOf(token))) {
            Object value = row.get("rating") != null ? row.get("rating") : row.get("choices") != null ? row.get("choices")
                    : row.get("yes_no") != null ? ((Boolean) row.get("yes_no") ? "yes" : "no") : row.get("text_value");
            answers.put(((Number) row.get("question_id")).longValue(), value == null ? null : value.toString());
        }
        return answers;
    }

    /** The history of the additional answers of the response of this token, oldest first: "question id=value". */
    static List<String> answerChanges(String token) {
        return rows("SELECT c.question_id, c.value_text FROM response_answer_change c JOIN response r ON r.id = c.response_id"
                + " JOIN invitation i ON i.id = r.invitation_id WHERE i.token_hash = ? ORDER BY c.changed_at, c.id",
                InvitationToken.hashOf(token)).stream().map(row -> row.get("question_id") + "=" + row.get("value_text")).toList();
    }

    static int update(String sql, Object... parameters) {
        try (Connection db = connect(); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Map<String, Object>> rows(String sql, Object... parameters) {
        try (Connection db = connect(); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                        Object value = rs.getObject(c);
                        row.put(rs.getMetaData().getColumnLabel(c).toLowerCase(java.util.Locale.ROOT),
                                value instanceof java.sql.Timestamp t ? t.toInstant() : value);
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("it.db.url"), System.getProperty("it.db.user", "postgres"),
                System.getProperty("it.db.password", "postgres"));
    }

    /** "table.column" of every text column of every table of the schema (from the catalogue) holding one of the needles. */
    static java.util.List<String> textColumnsHolding(java.util.List<String> needles) {
        java.util.List<String> hits = new java.util.ArrayList<>();
        java.util.List<java.util.Map<String, Object>> columns = rows("SELECT c.table_name, c.column_name, c.data_type "
                + "FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema "
                + "AND t.table_name = c.table_name WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' "
                + "AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'xml', 'bytea')");
        org.junit.jupiter.api.Assertions.assertTrue(columns.size() > 50, "the catalogue lists the text columns: " + columns.size());
        for (java.util.Map<String, Object> column : columns) {
            String table = "\"" + column.get("table_name") + "\"";
            String name = "\"" + column.get("column_name") + "\"";
            String text = "bytea".equals(column.get("data_type")) ? "encode(" + name + ", 'escape')" : "CAST(" + name + " AS TEXT)";
            for (String needle : needles) {
                if (!rows("SELECT 1 FROM " + table + " WHERE POSITION(? IN LOWER(" + text + ")) > 0 FETCH FIRST 1 ROWS ONLY",
                        needle.toLowerCase(java.util.Locale.ROOT)).isEmpty()) {
                    hits.add(column.get("table_name") + "." + column.get("column_name") + " holds " + needle);
                }
            }
        }
        return hits;
    }
}
