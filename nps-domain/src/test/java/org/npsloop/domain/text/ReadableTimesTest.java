package org.npsloop.domain.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReadableTimesTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Instant AT = Instant.parse("2026-12-03T23:29:41.123456Z");

    @Test
    void dateTimeInTheReadersZoneAndLanguageWithoutSecondsOrMicroseconds() {
        assertEquals("4 déc. 2026, 00:29", ReadableTimes.dateTime(AT, PARIS, Locale.FRENCH));
        assertEquals("Dec 4, 2026, 12:29 AM", ReadableTimes.dateTime(AT, PARIS, Locale.ENGLISH));
        assertEquals("3 déc. 2026, 18:29", ReadableTimes.dateTime(AT, NEW_YORK, Locale.FRANCE));
        assertEquals("Dec 3, 2026, 6:29 PM", ReadableTimes.dateTime(AT, NEW_YORK, Locale.US));
    }

    @Test
    void daysAlone() {
        assertEquals("4 déc. 2026", ReadableTimes.day(LocalDate.of(2026, 12, 4), Locale.FRENCH));
        assertEquals("Dec 4, 2026", ReadableTimes.day(LocalDate.of(2026, 12, 4), Locale.ENGLISH));
        assertEquals("Dec 3, 2026", ReadableTimes.day(AT, NEW_YORK, Locale.ENGLISH));
    }

    /** The same instant an hour apart on each side of a DST change: the offset follows the zone's rules. */
    @Test
    void summerTimeChangesTheOffset() {
        assertEquals("29 mars 2026, 01:59", ReadableTimes.dateTime(Instant.parse("2026-03-29T00:59:00Z"), PARIS, Locale.FRENCH));
        assertEquals("29 mars 2026, 03:00", ReadableTimes.dateTime(Instant.parse("2026-03-29T01:00:00Z"), PARIS, Locale.FRENCH));
        assertEquals("Mar 8, 2026, 1:59 AM", ReadableTimes.dateTime(Instant.parse("2026-03-08T06:59:00Z"), NEW_YORK, Locale.ENGLISH));
        assertEquals("Mar 8, 2026, 3:00 AM", ReadableTimes.dateTime(Instant.parse("2026-03-08T07:00:00Z"), NEW_YORK, Locale.ENGLISH));
        assertEquals("Nov 1, 2026, 1:30 AM", ReadableTimes.dateTime(Instant.parse("2026-11-01T06:30:00Z"), NEW_YORK, Locale.ENGLISH));
    }

    @Test
    void relativeTimesInThePast() {
        assertEquals("à l'instant", relative(Duration.ofSeconds(-20), Locale.FRENCH));
        assertEquals("just now", relative(Duration.ofSeconds(-20), Locale.ENGLISH));
        assertEquals("il y a 3 min", relative(Duration.ofMinutes(-3).minusSeconds(30), Locale.FRENCH));
        assertEquals("3 min ago", relative(Duration.ofMinutes(-3), Locale.ENGLISH));
        assertEquals("il y a 2 h", relative(Duration.ofMinutes(-150), Locale.FRENCH));
        assertEquals("2 h ago", relative(Duration.ofMinutes(-150), Locale.ENGLISH));
        assertEquals("hier", relative(Duration.ofHours(-30), Locale.FRENCH));
        assertEquals("yesterday", relative(Duration.ofHours(-30), Locale.ENGLISH));
        assertEquals("il y a 3 jours", relative(Duration.ofDays(-3), Locale.FRENCH));
        assertEquals("3 days ago", relative(Duration.ofDays(-3), Locale.ENGLISH));
        assertEquals("20 nov. 2026", relative(Duration.ofDays(-14), Locale.FRENCH));
        assertEquals("Nov 20, 2026", relative(Duration.ofDays(-14), Locale.ENGLISH));
    }

    @Test
    void relativeTimesInTheFutureForScheduledSends() {
        assertEquals("dans 2 h", relative(Duration.ofMinutes(150), Locale.FRENCH));
        assertEquals("in 2 h", relative(Duration.ofMinutes(150), Locale.ENGLISH));
        assertEquals("dans 45 min", relative(Duration.ofMinutes(45), Locale.FRENCH));
        assertEquals("demain", relative(Duration.ofHours(30), Locale.FRENCH));
        assertEquals("tomorrow", relative(Duration.ofHours(30), Locale.ENGLISH));
        assertEquals("in 4 days", relative(Duration.ofDays(4), Locale.ENGLISH));
        assertEquals("dans moins d'une minute", relative(Duration.ofSeconds(10), Locale.FRENCH));
    }

    /** Yesterday is by the reader's calendar: at 00:30 in New York, 40 minutes ago is minutes, 11:30 the day before is yesterday. */
    @Test
    void yesterdayFollowsTheReadersCalendar() {
        Instant now = Instant.parse("2026-12-04T05:30:00Z"); // 00:30 in New York
        assertEquals("40 min ago", ReadableTimes.relative(now.minus(Duration.ofMinutes(40)), now, NEW_YORK, Locale.ENGLISH));
        assertEquals("yesterday", ReadableTimes.relative(now.minus(Duration.ofHours(13)), now, NEW_YORK, Locale.ENGLISH));
        // In Tokyo both instants fall on the same day.
        assertEquals("13 h ago", ReadableTimes.relative(now.minus(Duration.ofHours(13)), now, ZoneId.of("Asia/Tokyo"), Locale.ENGLISH));
    }

    /** From 00:30 to 04:30 on the night clocks go forward, three hours have passed, not four. */
    @Test
    void hoursAcrossADstChangeAreRealHours() {
        Instant before = LocalDateTime.of(2026, 3, 29, 0, 30).atZone(PARIS).toInstant();
        Instant now = LocalDateTime.of(2026, 3, 29, 4, 30).atZone(PARIS).toInstant();
        assertEquals("il y a 3 h", ReadableTimes.relative(before, now, PARIS, Locale.FRENCH));
    }

    @Test
    void typedDateTimesInTheLanguagesFormOrIso() {
        LocalDateTime expected = LocalDateTime.of(2026, 12, 31, 14, 30);
        assertEquals(expected, ReadableTimes.readDateTime("31/12/2026 14:30", Locale.FRENCH));
        assertEquals(expected, ReadableTimes.readDateTime(" 31/12/2026   14:30 ", Locale.FRENCH));
        assertEquals(expected, ReadableTimes.readDateTime("2026-12-31 14:30", Locale.FRENCH));
        assertEquals(expected, ReadableTimes.readDateTime("12/31/2026 02:30 PM", Locale.ENGLISH));
        assertEquals(expected, ReadableTimes.readDateTime("12/31/2026 2:30 pm", Locale.US));
        assertEquals(expected, ReadableTimes.readDateTime("12/31/2026 14:30", Locale.ENGLISH));
        assertEquals(expected, ReadableTimes.readDateTime("2026-12-31T14:30", Locale.ENGLISH));
        assertEquals(LocalDateTime.of(2026, 12, 4, 0, 29), ReadableTimes.readDateTime("12/04/2026 12:29 AM", Locale.ENGLISH));
    }

    /** What the picker shows is what it reads back. */
    @Test
    void inputTextRoundTrips() {
        LocalDateTime value = LocalDateTime.of(2026, 12, 4, 0, 29);
        assertEquals("04/12/2026 00:29", ReadableTimes.inputText(value, Locale.FRENCH));
        assertEquals("12/04/2026 00:29", ReadableTimes.inputText(value, Locale.ENGLISH));
        assertEquals("12/31/2026 14:30", ReadableTimes.inputText(LocalDateTime.of(2026, 12, 31, 14, 30), Locale.ENGLISH));
        assertEquals(value, ReadableTimes.readDateTime(ReadableTimes.inputText(value, Locale.FRENCH), Locale.FRENCH));
        assertEquals(value, ReadableTimes.readDateTime(ReadableTimes.inputText(value, Locale.ENGLISH), Locale.ENGLISH));
    }

    /** Garbage, impossible moments and a typed value concatenated with the picker's are refused, never guessed. */
    @ParameterizedTest
    @ValueSource(strings = {"tomorrow", "31/02/2026 10:00", "31/12/2026 24:00", "31/12/2026", "31/12/2026 10:00 PM",
        "31/12/2026 10:0031/12/2026 10:00", "2026-12-31 10:00 2026-12-31 11:00", "12/31/2026 10:00", "31/12/26 10:00"})
    void anythingElseIsRefusedInFrench(String text) {
        assertThrows(IllegalArgumentException.class, () -> ReadableTimes.readDateTime(text, Locale.FRENCH));
    }

    @ParameterizedTest
    @ValueSource(strings = {"31/12/2026 10:00", "12/31/2026 13:00 PM", "02/30/2026 10:00 AM", "12/31/2026 0:30 AM",
        "12/31/2026 10:00 AM12/31/2026 10:00 AM", ""})
    void anythingElseIsRefusedInEnglish(String text) {
        assertThrows(IllegalArgumentException.class, () -> ReadableTimes.readDateTime(text, Locale.ENGLISH));
    }

    private static String relative(Duration fromNow, Locale locale) {
        Instant now = Instant.parse("2026-12-04T12:00:00Z");
        return ReadableTimes.relative(now.plus(fromNow), now, PARIS, locale);
    }
}
