package org.npsloop.campaigns.audience.internal.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.npsloop.campaigns.audience.imports.CsvFormat;
import org.npsloop.campaigns.audience.imports.RejectedRow;

class EventCsvRowsTest {

    @Test
    void timesThatExist() {
        assertEquals(Instant.parse("2026-11-20T00:00:00Z"), EventCsvRows.instant("20/11/2026"));
        assertEquals(Instant.parse("2026-11-20T10:00:00Z"), EventCsvRows.instant("20/11/2026 10:00"));
        assertEquals(Instant.parse("2026-11-20T00:00:00Z"), EventCsvRows.instant("2026-11-20"));
        assertEquals(Instant.parse("2026-11-20T09:00:00Z"), EventCsvRows.instant("2026-11-20T10:00:00+01:00"));
    }

    /** The SMART resolver made 31/02/2025 the 28th of February. */
    @Test
    void aDayThatDoesNotExistIsRejectedWithItsLine() throws Exception {
        for (String text : List.of("31/02/2025", "31/02/2025 10:00", "2025-02-31", "29/02/2025")) {
            assertThrows(IllegalArgumentException.class, () -> EventCsvRows.instant(text), text);
        }
        String csv = "email;type;occurred_at\nzoe@exemple.fr;ONBOARDING;28/02/2025\nzoe@exemple.fr;ONBOARDING;31/02/2025\n";
        List<EventCsvRows.EventLine> events = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>();
        EventCsvRows.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), new CsvFormat(StandardCharsets.UTF_8, false, ';'),
                events::add, rejected::add);
        assertEquals(1, events.size());
        assertEquals(3, rejected.get(0).line());
        assertEquals("occurred_at: not a time (expected 2026-11-20T10:00:00Z, 2026-11-20 or 20/11/2026 10:00): 31/02/2025",
                rejected.get(0).reason(Locale.ENGLISH));
        assertEquals("occurred_at : « 31/02/2025 » n'est pas une date (attendu : 2026-11-20T10:00:00Z, 2026-11-20 ou 20/11/2026 10:00)",
                rejected.get(0).reason(Locale.FRENCH));
    }
}
