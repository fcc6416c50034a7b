package org.npsloop.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.validation.FieldError;
import org.npsloop.domain.validation.InvalidInputException;

class BenchmarkReferenceTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    private static BenchmarkReference reference(String nps) {
        return new BenchmarkReference("Retail banking", "France", "2025", "Annual study", null, nps, NOW);
    }

    @Test
    void keepsStrippedTextsAndTheNpsToOneDecimal() {
        BenchmarkReference r = new BenchmarkReference("  Retail banking ", " ", "2025", " Study 2025 ", "  ", "32", NOW);
        assertEquals("Retail banking", r.getSector());
        assertNull(r.getRegion(), "a blank optional text is no text");
        assertEquals("Study 2025", r.getSource());
        assertNull(r.getLicenceNote());
        assertEquals(new BigDecimal("32.0"), r.getNps());
        r.change("Insurance", "Europe", "2003", "Panel", "Internal use only", "-12,50", NOW.plusSeconds(60));
        assertEquals(new BigDecimal("-12.5"), r.getNps());
        assertEquals(2003, r.getYear());
        assertEquals(NOW, r.getCreatedAt());
        assertEquals(NOW.plusSeconds(60), r.getUpdatedAt());
        assertEquals(new BigDecimal("100.0"), reference("100").getNps());
        assertEquals(new BigDecimal("-100.0"), reference("-100.00").getNps());
    }

    @Test
    void namesEveryBadFieldAndChangesNothing() {
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> new BenchmarkReference(" ", null, null, "", null, null, NOW));
        assertEquals(List.of("sector", "year", "source", "nps"), missing.errors().stream().map(FieldError::field).toList());
        assertEquals("Le secteur est obligatoire", missing.errors().get(0).message(Locale.FRENCH));
        assertEquals("The sector is required", missing.errors().get(0).message(Locale.ENGLISH));

        BenchmarkReference r = reference("30");
        InvalidInputException tooLong = assertThrows(InvalidInputException.class, () -> r.change("s".repeat(101), "r".repeat(101),
                "2025", "x".repeat(201), "n".repeat(501), "10", NOW));
        assertEquals(List.of("sector", "region", "source", "licenceNote"), tooLong.errors().stream().map(FieldError::field).toList());
        assertEquals("Retail banking", r.getSector(), "nothing half-written");
        assertEquals("At most 100 characters (101 given)", tooLong.errors().get(0).message(Locale.ENGLISH));
    }

    @Test
    void theNpsIsFromMinusToPlusHundredWithOneDecimal() {
        assertEquals("nps", assertThrows(InvalidInputException.class, () -> reference("100.1")).errors().get(0).field());
        assertEquals("nps", assertThrows(InvalidInputException.class, () -> reference("-100.5")).errors().get(0).field());
        InvalidInputException twoDecimals = assertThrows(InvalidInputException.class, () -> reference("32.25"));
        assertEquals("The NPS has at most one decimal (32.25 given)", twoDecimals.errors().get(0).message(Locale.ENGLISH));
        assertEquals("Le NPS a au plus une décimale (32.25 saisi)", twoDecimals.errors().get(0).message(Locale.FRENCH));
        assertEquals(new BigDecimal("32.3"), reference("32.30").getNps(), "a trailing zero is no second decimal");
    }

    @Test
    void theYearIsBetweenTheFirstNpsAndNow() {
        for (String year : new String[] {"2002", "2027"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> new BenchmarkReference("Banking", null, year, "Study", null, "1", NOW));
            assertEquals("year", e.errors().get(0).field());
            assertEquals("A year from 2003 to 2026", e.errors().get(0).message(Locale.ENGLISH));
        }
        assertEquals(2026, new BenchmarkReference("Banking", null, "2026", "Study", null, "1", NOW).getYear());
    }

    @Test
    void aTypoInTheYearOrNpsIsRefusedWithTheOtherFields() {
        InvalidInputException typos = assertThrows(InvalidInputException.class,
                () -> new BenchmarkReference("Banking", null, "20x5", "", null, "forty", NOW));
        assertEquals(List.of("year", "source", "nps"), typos.errors().stream().map(FieldError::field).toList());
        assertEquals("A year is written in digits, e.g. 2025 (\"20x5\" given)", typos.errors().get(0).message(Locale.ENGLISH));
        assertEquals("Un NPS est un nombre, par exemple 32 ou -12,5 (« forty » saisi)", typos.errors().get(2).message(Locale.FRENCH));
    }

    @Test
    void typedFiguresAreParsedWithEitherDecimalSeparator() {
        assertEquals(new BigDecimal("-12.5"), BenchmarkReference.parseNps(" -12,5 "));
        assertEquals(new BigDecimal("40"), BenchmarkReference.parseNps("40"));
        assertNull(BenchmarkReference.parseNps(" "));
        InvalidValueException notNumber = assertThrows(InvalidValueException.class, () -> BenchmarkReference.parseNps("forty"));
        assertEquals("benchmark.nps.notNumber", notNumber.reason().key());
        assertEquals(2024, BenchmarkReference.parseYear(" 2024 "));
        assertNull(BenchmarkReference.parseYear(""));
        assertThrows(InvalidValueException.class, () -> BenchmarkReference.parseYear("2024.5"));
        assertThrows(InvalidValueException.class, () -> BenchmarkReference.parseYear("-2024"));
    }

    @Test
    void theTableIsEmptyAfterTheMigrationsAndRefusesAnNpsOutOfRange() throws SQLException {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM benchmark_reference")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "no third-party figure ships");
            }
            String insert = "INSERT INTO benchmark_reference (id, sector, reference_year, source, nps, created_at, updated_at)"
                    + " VALUES (%d, 'Banking', 2025, 'Study', %s, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)";
            s.execute(String.format(insert, 1, "-100"));
            assertThrows(SQLException.class, () -> s.execute(String.format(insert, 2, "100.1")),
                    "the database itself refuses an NPS above 100");
        }
    }
}
