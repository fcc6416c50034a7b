package org.npsloop.platform.jdbc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Values as native queries return them (types differ between H2 and PostgreSQL), made uniform. */
public final class SqlValues {

    private SqlValues() {
    }

    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        return Instant.parse(value.toString());
    }

    /** Whole numbers without ".0", so that 12 reads (and exports, and imports back) as 12. */
    public static Object number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Object) (long) value : (Object) value;
    }

    public static LocalDate date(Object value) {
        return value instanceof java.sql.Date sql ? sql.toLocalDate() : LocalDate.parse(value.toString());
    }
}
