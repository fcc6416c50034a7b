package org.npsloop.domain.segment;

import static org.npsloop.domain.segment.Operator.AFTER;
import static org.npsloop.domain.segment.Operator.BEFORE;
import static org.npsloop.domain.segment.Operator.CONTAINS;
import static org.npsloop.domain.segment.Operator.EQUALS;
import static org.npsloop.domain.segment.Operator.IN;
import static org.npsloop.domain.segment.Operator.IS_NOT_SET;
import static org.npsloop.domain.segment.Operator.IS_SET;
import static org.npsloop.domain.segment.Operator.MORE_THAN_DAYS_AGO;
import static org.npsloop.domain.segment.Operator.NOT_EQUALS;
import static org.npsloop.domain.segment.Operator.WITHIN_LAST_DAYS;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.npsloop.domain.audience.AttributeType;
import org.npsloop.domain.audience.ContactStatus;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.i18n.InvalidValueException;

/** A built-in column of the contact table that segments may test, and the operators that suit it. */
public enum ContactField {
    EMAIL("email", Kind.TEXT, false, EQUALS, NOT_EQUALS, IN, CONTAINS),
    FIRST_NAME("first_name", Kind.TEXT, true, EQUALS, NOT_EQUALS, IN, CONTAINS, IS_SET, IS_NOT_SET),
    LAST_NAME("last_name", Kind.TEXT, true, EQUALS, NOT_EQUALS, IN, CONTAINS, IS_SET, IS_NOT_SET),
    /** EN or FR. */
    LANGUAGE("language", Kind.CODE, false, EQUALS, NOT_EQUALS, IN),
    /** ACTIVE, UNSUBSCRIBED, BOUNCED or ERASED. */
    STATUS("status", Kind.CODE, false, EQUALS, NOT_EQUALS, IN),
    /** When the contact was added; days are counted in UTC. */
    CREATED_AT("created_at", Kind.MOMENT, false, BEFORE, AFTER, WITHIN_LAST_DAYS, MORE_THAN_DAYS_AGO);

    /** How the column is compared. */
    enum Kind {
        /** Free text, compared ignoring case. */
        TEXT,
        /** An upper-case code from a fixed set, compared exactly. */
        CODE,
        /** A TIMESTAMP WITH TIME ZONE. */
        MOMENT
    }

    private final String column;
    private final Kind kind;
    private final boolean nullable;
    private final Set<Operator> operators;

    ContactField(String column, Kind kind, boolean nullable, Operator first, Operator... others) {
        this.column = column;
        this.kind = kind;
        this.nullable = nullable;
        this.operators = EnumSet.of(first, others);
    }

    public boolean accepts(Operator operator) {
        return operators.contains(operator);
    }

    /** The operators that suit the field, in declaration order. */
    public Set<Operator> operators() {
        return Collections.unmodifiableSet(operators);
    }

    String column() {
        return column;
    }

    Kind kind() {
        return kind;
    }

    /** True when contacts may have no value, which NOT_EQUALS must then match. */
    boolean nullable() {
        return nullable;
    }

    /**
     * The canonical spelling of a value for this field: codes upper-cased, dates in ISO form.
     *
     * @throws IllegalArgumentException naming the field, e.g. "LANGUAGE is EN or FR, not 'de'"
     */
    String normaliseValue(String raw) {
        return switch (this) {
            case LANGUAGE -> code(Language.values(), raw);
            case STATUS -> code(ContactStatus.values(), raw);
            case CREATED_AT -> parse(AttributeType.DATE, raw).toString();
            default -> (String) parse(AttributeType.TEXT, raw);
        };
    }

    private Object parse(AttributeType type, String raw) {
        try {
            return type.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("rule.at", name(), InvalidValueException.reasonOf(e));
        }
    }

    private String code(Enum<?>[] codes, String raw) {
        String code = raw.strip().toUpperCase(Locale.ROOT);
        if (Arrays.stream(codes).noneMatch(c -> c.name().equals(code))) {
            throw new InvalidValueException("segment.field.code", name(), RuleChecks.orList(Arrays.asList(codes)), raw);
        }
        return code;
    }
}
