package org.npsloop.domain.segment;

import java.util.List;
import org.npsloop.domain.i18n.InvalidValueException;

/**
 * A condition on a built-in contact column, e.g. {@code LANGUAGE EQUALS FR} or
 * {@code CREATED_AT WITHIN_LAST_DAYS 7}. Unlike attributes, the column's type is known here, so the
 * operator and the values are checked (and normalised: {@code fr} becomes {@code FR}) at once.
 *
 * @param days only for {@link Operator#WITHIN_LAST_DAYS} and {@link Operator#MORE_THAN_DAYS_AGO}
 */
public record FieldCondition(ContactField field, Operator operator, List<String> values, Integer days)
        implements SegmentRule {

    public FieldCondition {
        RuleChecks.require(field, "segment.field.required");
        RuleChecks.require(operator, "segment.operator.required", field.name());
        if (!field.accepts(operator)) {
            throw new InvalidValueException("segment.operator.field", operator.name(), field.name(), RuleChecks.orList(field.operators()));
        }
        values = RuleChecks.values(values, operator);
        operator.checkOperands(values, days);
        values = values.stream().map(field::normaliseValue).toList();
    }

    /** A condition without days, for every operator but the two that count days. */
    public FieldCondition(ContactField field, Operator operator, List<String> values) {
        this(field, operator, values, null);
    }

    public static FieldCondition of(ContactField field, Operator operator, String... values) {
        return new FieldCondition(field, operator, List.of(values), null);
    }

    public static FieldCondition ofDays(ContactField field, Operator operator, int days) {
        return new FieldCondition(field, operator, List.of(), days);
    }
}
