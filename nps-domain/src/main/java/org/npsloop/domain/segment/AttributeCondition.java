package org.npsloop.domain.segment;

import java.util.List;
import org.npsloop.domain.audience.AttributeDefinition;

/**
 * A condition on a custom attribute, e.g. {@code plan IN (pro, business)} or
 * {@code signup_date WITHIN_LAST_DAYS 30}. Values stay text here: whether they parse, and whether the
 * operator suits the attribute, depends on the attribute's type, which the translator looks up.
 *
 * @param values the operands of the operator, none for the day and yes/no operators
 * @param days only for {@link Operator#WITHIN_LAST_DAYS} and {@link Operator#MORE_THAN_DAYS_AGO}
 */
public record AttributeCondition(String attribute, Operator operator, List<String> values, Integer days)
        implements SegmentRule {

    public AttributeCondition {
        attribute = AttributeDefinition.normaliseName(attribute);
        RuleChecks.require(operator, "segment.operator.required", attribute);
        values = RuleChecks.values(values, operator);
        operator.checkOperands(values, days);
    }

    public static AttributeCondition of(String attribute, Operator operator, String... values) {
        return new AttributeCondition(attribute, operator, List.of(values), null);
    }

    public static AttributeCondition ofDays(String attribute, Operator operator, int days) {
        return new AttributeCondition(attribute, operator, List.of(), days);
    }
}
