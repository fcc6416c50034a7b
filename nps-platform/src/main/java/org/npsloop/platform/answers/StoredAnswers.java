package org.npsloop.platform.answers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npsloop.domain.question.AnswerValue;
import org.npsloop.platform.jdbc.Jdbc;
import org.npsloop.platform.jdbc.SqlDialect;

/**
 * The stored additional answers of a batch of responses, in two queries (answers, then their chosen options), in
 * the survey's order; a cleared answer comes back {@link AnswerValue#EMPTY}. Plain SQL on the caller's connection,
 * for those who read responses by the thousand and cannot load entities one by one.
 */
public final class StoredAnswers {

    /** One answer with what a reader needs of its question: kind, touchpoint code (ratings only), English wording. */
    public record Row(long responseId, long questionId, String kind, String touchpoint, String textEn, AnswerValue value) {
    }

    /** Responses per query: the IN list stays well below the drivers' parameter limits. */
    private static final int CHUNK = 500;

    private StoredAnswers() {
    }

    /** @return each response's answers, by response id (responses without any are absent) */
    public static Map<Long, List<Row>> of(Connection connection, Collection<Long> responseIds) throws SQLException {
        Map<Long, List<Row>> answers = new HashMap<>();
        List<Long> ids = new ArrayList<>(responseIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            read(connection, ids.subList(from, Math.min(ids.size(), from + CHUNK)), answers);
        }
        return answers;
    }

    private static void read(Connection connection, List<Long> ids, Map<Long, List<Row>> answers) throws SQLException {
        String in = SqlDialect.placeholders(ids.size());
        // Choice codes in the order of the question's options, whatever order they were chosen in.
        Map<Long, List<String>> choices = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT a.id, ch.choice_code FROM response_answer a"
                + " JOIN response_answer_choice ch ON ch.answer_id = a.id"
                + " LEFT JOIN survey_question_choice o ON o.question_id = a.question_id AND o.code = ch.choice_code"
                + " WHERE a.response_id IN (" + in + ") ORDER BY a.id, o.position, ch.choice_code")) {
            Jdbc.bind(select, ids);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    choices.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT a.response_id, a.id, q.id, q.kind, t.code, q.text_en,"
                + " a.rating, a.text_value, a.yes_no FROM response_answer a JOIN survey_question q ON q.id = a.question_id"
                + " LEFT JOIN touchpoint t ON t.id = q.touchpoint_id WHERE a.response_id IN (" + in + ")"
                + " ORDER BY a.response_id, q.position, q.id")) {
            Jdbc.bind(select, ids);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    int rating = rs.getInt(7);
                    Integer ratingValue = rs.wasNull() ? null : rating;
                    boolean yes = rs.getBoolean(9);
                    Boolean yesNo = rs.wasNull() ? null : yes;
                    AnswerValue value = new AnswerValue(ratingValue, choices.getOrDefault(rs.getLong(2), List.of()),
                            rs.getString(8), yesNo);
                    answers.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Row(rs.getLong(1), rs.getLong(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), value));
                }
            }
        }
    }

    /** The rows of one response as a map by question id, in order. */
    public static Map<Long, AnswerValue> byQuestion(List<Row> rows) {
        Map<Long, AnswerValue> values = new LinkedHashMap<>();
        if (rows != null) {
            rows.forEach(r -> values.put(r.questionId(), r.value()));
        }
        return values;
    }
}
