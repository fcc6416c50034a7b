package org.npsloop.domain.segment;

import static org.npsloop.domain.audience.AttributeType.BOOLEAN;
import static org.npsloop.domain.audience.AttributeType.DATE;
import static org.npsloop.domain.audience.AttributeType.NUMBER;
import static org.npsloop.domain.audience.AttributeType.TEXT;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.npsloop.domain.audience.AttributeType;
import org.npsloop.domain.i18n.InvalidValueException;

/**
 * How a condition tests a contact's value. Each operator knows what it takes (one value, several,
 * a number of days or nothing) and which attribute types it applies to, so that a mistaken rule is
 * refused when it is saved rather than failing in the database.
 */
public enum Operator {
    /** Equal to the value; text ignores case. */
    EQUALS(Operands.ONE_VALUE, TEXT, NUMBER, DATE),
    /** Anything but the value, including no value at all. */
    NOT_EQUALS(Operands.ONE_VALUE, TEXT, NUMBER, DATE),
    /** Equal to one of the values; text ignores case. */
    IN(Operands.VALUES, TEXT, NUMBER, DATE),
    /** Text containing the value, ignoring case. */
    CONTAINS(Operands.ONE_VALUE, TEXT),
    GREATER_THAN(Operands.ONE_VALUE, NUMBER),
    LESS_THAN(Operands.ONE_VALUE, NUMBER),
    /** Strictly before the day. */
    BEFORE(Operands.ONE_VALUE, DATE),
    /** Strictly after the day. */
    AFTER(Operands.ONE_VALUE, DATE),
    /** From the given number of days ago up to today (a date in the future does not match). */
    WITHIN_LAST_DAYS(Operands.DAYS, DATE),
    /** Earlier than the given number of days ago. */
    MORE_THAN_DAYS_AGO(Operands.DAYS, DATE),
    IS_TRUE(Operands.NOTHING, BOOLEAN),
    IS_FALSE(Operands.NOTHING, BOOLEAN),
    /** Has a value, whatever it is. */
    IS_SET(Operands.NOTHING, TEXT, NUMBER, DATE, BOOLEAN),
    /** Has no value. */
    IS_NOT_SET(Operands.NOTHING, TEXT, NUMBER, DATE, BOOLEAN);

    /** At most this many values in one IN, to keep the statements reasonable. */
    public static final int MAX_VALUES = 500;

    private enum Operands { ONE_VALUE, VALUES, DAYS, NOTHING }

    private final Operands operands;
    private final Set<AttributeType> types;

    Operator(Operands operands, AttributeType first, AttributeType... others) {
        this.operands = operands;
        this.types = EnumSet.of(first, others);
    }

    public boolean appliesTo(AttributeType type) {
        return types.contains(type);
    }

    /** True when the operator needs a number of days rather than values. */
    public boolean takesDays() {
        return operands == Operands.DAYS;
    }

    /** True when the operator needs one value or more, as opposed to days or nothing. */
    public boolean takesValues() {
        return operands == Operands.ONE_VALUE || operands == Operands.VALUES;
    }

    /** True when the operator takes a list of values (IN) rather than one. */
    public boolean takesSeveralValues() {
        return operands == Operands.VALUES;
    }

    /** True for the operators that also match contacts without a value. */
    public boolean isNegative() {
        return this == NOT_EQUALS || this == IS_NOT_SET;
    }

    /** The operator a negative one negates (EQUALS for NOT_EQUALS); the operator itself otherwise. */
    Operator positive() {
        return switch (this) {
            case NOT_EQUALS -> EQUALS;
            case IS_NOT_SET -> IS_SET;
            default -> this;
        };
    }

    /** What the operator applies to, in words: "numbers", "text, numbers or dates". */
    String describeTypes() {
        return RuleChecks.orList(types.stream().map(Operator::describe).toList());
    }

    private static String describe(AttributeType type) {
        return switch (type) {
            case TEXT -> "text";
            case NUMBER -> "numbers";
            case DATE -> "dates";
            case BOOLEAN -> "yes/no values";
        };
    }

    /** @throws IllegalArgumentException when the values or days do not suit this operator */
    void checkOperands(List<String> values, Integer days) {
        if (takesDays()) {
            RuleChecks.requireDays(days, name());
        } else {
            RuleChecks.forbidDays(days, name());
        }
        switch (operands) {
            case ONE_VALUE -> {
                if (values.size() != 1) {
                    throw new InvalidValueException("segment.values.one", name());
                }
            }
            case VALUES -> {
                if (values.isEmpty()) {
                    throw new InvalidValueException("segment.values.required", name());
                }
                if (values.size() > MAX_VALUES) {
                    throw new InvalidValueException("segment.values.tooMany", name(), MAX_VALUES);
                }
            }
            case DAYS, NOTHING -> {
                if (!values.isEmpty()) {
                    throw new InvalidValueException("segment.values.forbidden", name());
                }
            }
        }
    }
}
