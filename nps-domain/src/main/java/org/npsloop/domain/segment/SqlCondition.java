package org.npsloop.domain.segment;

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
}
