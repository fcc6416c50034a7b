package org.npsloop.domain.segment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.IntStream;
import org.npsloop.domain.audience.AttributeType;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.nps.Score;
import org.npsloop.domain.text.LikePattern;
import org.npsloop.domain.text.StrictDates;

/**
 * Turns a segment rule into one SQL condition on {@code contact c}, so that segments are counted and
 * listed by the database. The SQL is the same for H2 and PostgreSQL: standard constructs only
 * (EXISTS, IN, LIKE ... ESCAPE, LOWER, FETCH FIRST), and every value a bound parameter.
 */
public final class SegmentSqlTranslator {

    /** What an empty group becomes: true for every contact. */
    static final String EVERY_CONTACT = "1 = 1";

    /**
     * @param now the moment "in the last N days" counts back from; days of DATE attributes are UTC days
     * @throws IllegalArgumentException for an unknown attribute, an operator that does not suit an
     *     attribute's type or a value that does not parse as that type
     */
    public SqlCondition translate(SegmentRule rule, AttributeCatalog catalog, Instant now) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(now, "now");
        return new Translation(catalog, now).of(rule);
    }

    /** A column tested by an operator, and how: text ignoring case, or a timestamp rather than a date. */
    private record Target(String column, boolean ignoreCase, boolean timestamp) {
    }

    /** One translation: its clock, and a counter so that no two subqueries share an alias. */
    private static final class Translation {

        private final AttributeCatalog catalog;
        private final OffsetDateTime now;
        private final LocalDate today;
        private int aliases;

        Translation(AttributeCatalog catalog, Instant now) {
            this.catalog = catalog;
            this.now = now.atOffset(ZoneOffset.UTC);
            this.today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        }

        SqlCondition of(SegmentRule rule) {
            if (rule instanceof Group group) {
                return group(group);
            }
            if (rule instanceof AttributeCondition condition) {
                return attribute(condition);
            }
            if (rule instanceof FieldCondition condition) {
                return field(condition);
            }
            if (rule instanceof ListMembership membership) {
                return list(membership);
            }
            if (rule instanceof EventCondition condition) {
                return event(condition);
            }
            if (rule instanceof SurveyHistory history) {
                return survey(history);
            }
            throw new IllegalStateException("Unknown kind of rule: " + rule);
        }

        private SqlCondition group(Group group) {
            if (group.rules().isEmpty()) {
                return SqlCondition.of(EVERY_CONTACT);
            }
            List<String> parts = new ArrayList<>();
            List<Object> parameters = new ArrayList<>();
            for (SegmentRule rule : group.rules()) {
                SqlCondition part = of(rule);
                parts.add(part.sql());
                parameters.addAll(part.parameters());
            }
            String operator = group.match() == Match.ALL ? " AND " : " OR ";
            return new SqlCondition("(" + String.join(operator, parts) + ")", parameters);
        }

        /** A negative operator matches where no value passes the positive one, including no value at all. */
        private SqlCondition attribute(AttributeCondition condition) {
            AttributeRef attribute = catalog.find(condition.attribute())
                    .orElseThrow(() -> new InvalidValueException("segment.attribute.unknown", condition.attribute()));
            Operator operator = condition.operator();
            if (!operator.appliesTo(attribute.type())) {
                throw new InvalidValueException("segment.operator.type", operator.name(), operator.describeTypes(), attribute.name(), attribute.type().name());
            }
            String alias = alias("a");
            Target target = new Target(alias + "." + valueColumn(attribute.type()), attribute.type() == AttributeType.TEXT, false);
            List<Object> values = condition.values().stream().map(value -> parse(attribute, value)).toList();
            SqlCondition test = test(target, operator.positive(), values, condition.days());
            List<Object> parameters = new ArrayList<>();
            parameters.add(attribute.id());
            parameters.addAll(test.parameters());
            return exists(!operator.isNegative(), "contact_attribute", alias,
                    new SqlCondition(alias + ".attribute_id = ? AND " + test.sql(), parameters));
        }

        private SqlCondition field(FieldCondition condition) {
            ContactField field = condition.field();
            String column = "c." + field.column();
            Operator operator = condition.operator();
            if (operator == Operator.IS_NOT_SET) { // plainer than the negation of IS_SET below
                return SqlCondition.of(column + " IS NULL");
            }
            Target target = new Target(column, field.kind() == ContactField.Kind.TEXT, field.kind() == ContactField.Kind.MOMENT);
            List<Object> values = condition.values().stream().map(value -> fieldValue(field, value)).toList();
            SqlCondition test = test(target, operator.positive(), values, condition.days());
            if (!operator.isNegative()) {
                return test;
            }
            String negated = "NOT (" + test.sql() + ")";
            return new SqlCondition(field.nullable() ? "(" + column + " IS NULL OR " + negated + ")" : negated, test.parameters());
        }

        private SqlCondition list(ListMembership membership) {
            String m = alias("m");
            return exists(membership.member(), "mailing_list_member", m, SqlCondition.of(m + ".mailing_list_id = ?", membership.listId()));
        }

        private SqlCondition event(EventCondition condition) {
            String e = alias("e");
            SqlCondition where = condition.occurrence() == EventOccurrence.WITHIN_LAST_DAYS
                    ? SqlCondition.of(e + ".type = ? AND " + e + ".occurred_at >= ?", condition.eventType(), now.minusDays(condition.days()))
                    : SqlCondition.of(e + ".type = ?", condition.eventType());
            return exists(condition.occurrence() != EventOccurrence.NEVER, "journey_event", e, where);
        }

        /** Surveyed means an invitation actually sent; the "not" conditions also match contacts never invited. */
        private SqlCondition survey(SurveyHistory history) {
            if (history.condition() == SurveyCondition.LAST_CATEGORY) {
                return lastCategory(history.category(), history.days());
            }
            String i = alias("i");
            SqlCondition sent = history.days() == null
                    ? SqlCondition.of(i + ".sent_at IS NOT NULL")
                    : SqlCondition.of(i + ".sent_at >= ?", now.minusDays(history.days()));
            return exists(history.condition() == SurveyCondition.SURVEYED_WITHIN_DAYS, "invitation", i, sent);
        }

        /** The score of the contact's latest answer, ties broken by id, within the category's range. */
        private SqlCondition lastCategory(NpsCategory category, Integer days) {
            String r = alias("r");
            List<Object> parameters = new ArrayList<>();
            String recent = "";
            if (days != null) {
                recent = " AND " + r + ".responded_at >= ?";
                parameters.add(now.minusDays(days));
            }
            int[] scores = IntStream.rangeClosed(Score.MIN, Score.MAX).filter(score -> NpsCategory.of(score) == category).toArray();
            parameters.add((long) scores[0]);
            parameters.add((long) scores[scores.length - 1]);
            return new SqlCondition("(SELECT " + r + ".score FROM response " + r + " WHERE " + r + ".contact_id = c.id" + recent
                    + " ORDER BY " + r + ".responded_at DESC, " + r + ".id DESC FETCH FIRST 1 ROWS ONLY) BETWEEN ? AND ?", parameters);
        }

        /**
         * A test of one value that is false (or unknown) when there is no value, for the positive operators.
         *
         * @param values already of the column's type, text lower-cased when the target ignores case
         */
        private SqlCondition test(Target target, Operator operator, List<Object> values, Integer days) {
            String column = target.column();
            String value = target.ignoreCase() ? "LOWER(" + column + ")" : column;
            return switch (operator) {
                case EQUALS -> SqlCondition.of(value + " = ?", values.get(0));
                case IN -> new SqlCondition(value + " IN (" + String.join(", ", Collections.nCopies(values.size(), "?")) + ")", values);
                case CONTAINS -> SqlCondition.of(value + " LIKE ?" + LikePattern.ESCAPE, "%" + LikePattern.escape((String) values.get(0)) + "%");
                case GREATER_THAN -> SqlCondition.of(value + " > ?", values.get(0));
                case LESS_THAN -> SqlCondition.of(value + " < ?", values.get(0));
                // Whole days: before the day starts, from the next day on.
                case BEFORE -> SqlCondition.of(column + " < ?", startOf((LocalDate) values.get(0), target));
                case AFTER -> SqlCondition.of(column + " >= ?", startOf(((LocalDate) values.get(0)).plusDays(1), target));
                // Dates may lie in the future (renewal_date...); recorded moments do not.
                case WITHIN_LAST_DAYS -> target.timestamp()
                        ? SqlCondition.of(column + " >= ?", now.minusDays(days))
                        : SqlCondition.of(column + " BETWEEN ? AND ?", today.minusDays(days), today);
                case MORE_THAN_DAYS_AGO -> SqlCondition.of(column + " < ?", target.timestamp() ? now.minusDays(days) : today.minusDays(days));
                case IS_TRUE -> SqlCondition.of(column + " = ?", Boolean.TRUE);
                case IS_FALSE -> SqlCondition.of(column + " = ?", Boolean.FALSE);
                case IS_SET -> SqlCondition.of(column + " IS NOT NULL");
                case NOT_EQUALS, IS_NOT_SET -> throw new IllegalStateException(operator + " is translated as the negation of " + operator.positive());
            };
        }

        private Object startOf(LocalDate day, Target target) {
            return target.timestamp() ? day.atStartOfDay().atOffset(ZoneOffset.UTC) : day;
        }

        /** {@code [NOT] EXISTS} a row of the contact's in the table that meets the condition. */
        private static SqlCondition exists(boolean exists, String table, String alias, SqlCondition where) {
            return new SqlCondition((exists ? "EXISTS" : "NOT EXISTS") + " (SELECT 1 FROM " + table + " " + alias
                    + " WHERE " + alias + ".contact_id = c.id AND " + where.sql() + ")", where.parameters());
        }

        private String alias(String prefix) {
            return prefix + aliases++;
        }

        private static String valueColumn(AttributeType type) {
            return switch (type) {
                case TEXT -> "text_value";
                case NUMBER -> "number_value";
                case DATE -> "date_value";
                case BOOLEAN -> "boolean_value";
            };
        }

        private static Object parse(AttributeRef attribute, String value) {
            Object parsed;
            try {
                parsed = attribute.type().parse(value);
            } catch (IllegalArgumentException e) {
                throw new InvalidValueException("rule.at", attribute.name(), InvalidValueException.reasonOf(e));
            }
            return parsed instanceof String text ? text.toLowerCase(Locale.ROOT) : parsed;
        }

        /** Field values were normalised by {@link FieldCondition}: only their Java type remains to choose. */
        private static Object fieldValue(ContactField field, String value) {
            return switch (field.kind()) {
                case TEXT -> value.toLowerCase(Locale.ROOT);
                case CODE -> value;
                case MOMENT -> StrictDates.day(value);
            };
        }
    }
}
