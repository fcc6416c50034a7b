package org.npsloop.domain.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A boolean SQL expression over the contact table aliased {@code c}, e.g. for
 * {@code SELECT COUNT(*) FROM contact c WHERE <sql>}, with one {@code ?} per parameter, in order.
 * Parameters are String, Long, Double, Boolean, LocalDate or OffsetDateTime (UTC), which
 * {@code PreparedStatement.setObject} binds alike on H2 and PostgreSQL.
 */
public record SqlCondition(String sql, List<Object> parameters) {

    public SqlCondition {
        Objects.requireNonNull(sql, "sql");
        parameters = List.copyOf(parameters);
        long placeholders = sql.chars().filter(ch -> ch == '?').count();
        if (placeholders != parameters.size()) {
            throw new IllegalArgumentException(placeholders + " placeholders but " + parameters.size() + " parameters: " + sql);
        }
    }

    static SqlCondition of(String sql, Object... parameters) {
        return new SqlCondition(sql, List.of(parameters));
    }

    /**
     * One query answering one row: column i counts the contacts matching condition i, in a single scan of the
     * contacts however many conditions there are (the sizes of every saved segment, not one query each). The
     * conditions are evaluated in a derived table, so their subqueries never sit inside an aggregate.
     *
     * @param conditions at least one
     */
    public static Counting countEach(List<SqlCondition> conditions) {
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException("nothing to count");
        }
        StringBuilder flags = new StringBuilder();
        StringBuilder sums = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            String separator = i == 0 ? "" : ", ";
            flags.append(separator).append("CASE WHEN (").append(conditions.get(i).sql()).append(") THEN 1 ELSE 0 END AS m").append(i);
            sums.append(separator).append("COALESCE(SUM(m").append(i).append("), 0)");
            parameters.addAll(conditions.get(i).parameters());
        }
        return new Counting("SELECT " + sums + " FROM (SELECT " + flags + " FROM contact c) matches", parameters);
    }

    /** A query of {@link #countEach} and its parameters, in order. */
    public record Counting(String sql, List<Object> parameters) {

        public Counting {
            parameters = List.copyOf(parameters);
        }
    }
}
