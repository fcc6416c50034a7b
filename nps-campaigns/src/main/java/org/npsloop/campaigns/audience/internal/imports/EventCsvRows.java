package org.npsloop.campaigns.audience.internal.imports;

import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.npsloop.campaigns.audience.JourneyEventService.EventInput;
import org.npsloop.campaigns.audience.imports.CsvFormat;
import org.npsloop.campaigns.audience.imports.RejectedRow;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.i18n.Message;
import org.npsloop.domain.text.StrictDates;

/**
 * Reads a journey-event CSV: finds the columns by their (English or French) header, parses times,
 * and hands over each line as an event with its line number, or as a rejected line.
 */
public final class EventCsvRows {

    /** A line that became an event. */
    public record EventLine(int line, EventInput event, String rawText) {
    }

    private static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("email", "email"), Map.entry("e-mail", "email"), Map.entry("mail", "email"),
            Map.entry("courriel", "email"), Map.entry("type", "type"), Map.entry("event", "type"),
            Map.entry("evenement", "type"), Map.entry("occurredat", "occurred_at"), Map.entry("date", "occurred_at"),
            Map.entry("when", "occurred_at"), Map.entry("quand", "occurred_at"), Map.entry("externalid", "external_id"),
            Map.entry("id", "external_id"), Map.entry("reference", "external_id"), Map.entry("identifiantexterne", "external_id"));

    private EventCsvRows() {
    }

    /** @throws IllegalArgumentException when the file is empty or lacks an email, type or time column */
    public static void read(InputStream in, CsvFormat format, Consumer<EventLine> events, Consumer<RejectedRow> rejected)
            throws IOException {
        CsvSource source = new CsvSource(in, format);
        Map<String, Integer> columns = new HashMap<>();
        Map<Integer, String> properties = new LinkedHashMap<>();
        List<String> header = source.header();
        for (int i = 0; i < header.size(); i++) {
            String role = HEADERS.get(key(header.get(i)));
            if (role != null && !columns.containsKey(role)) {
                columns.put(role, i);
            } else if (!header.get(i).isBlank()) {
                properties.put(i, header.get(i));
            }
        }
        for (String required : List.of("email", "type", "occurred_at")) {
            if (!columns.containsKey(required)) {
                throw new InvalidValueException("import.event.columnMissing", required);
            }
        }
        while (source.next()) {
            if (source.record() == null) {
                rejected.accept(new RejectedRow(source.line(), Message.of("import.line.unterminatedQuote"), source.rawText()));
                continue;
            }
            List<String> cells = CsvSource.cells(source.record());
            try {
                Map<String, Object> props = new LinkedHashMap<>();
                properties.forEach((index, name) -> {
                    if (index < cells.size() && !cells.get(index).isEmpty()) {
                        props.put(name, cells.get(index));
                    }
                });
                String externalId = cell(cells, columns.get("external_id"));
                events.accept(new EventLine(source.line(), new EventInput(cell(cells, columns.get("email")),
                        cell(cells, columns.get("type")), instant(cell(cells, columns.get("occurred_at"))),
                        externalId == null || externalId.isEmpty() ? null : externalId, props), source.rawText()));
            } catch (IllegalArgumentException e) {
                rejected.accept(new RejectedRow(source.line(), InvalidValueException.reasonOf(e), source.rawText()));
            }
        }
    }

    /** ISO instants, ISO or French dates with or without a time; times without a zone are UTC. */
    static Instant instant(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidValueException("import.event.time.missing");
        }
        try {
            if (text.contains("/") && text.contains(":")) {
                return StrictDates.frenchDateTime(text).toInstant(ZoneOffset.UTC);
            }
            if (text.contains("/") || text.length() == 10) {
                return StrictDates.day(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return java.time.OffsetDateTime.parse(text.replace(' ', 'T')).toInstant();
            }
            return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new InvalidValueException("import.event.time.invalid", text);
        }
    }

    private static String cell(List<String> cells, Integer index) {
        return index == null || index >= cells.size() ? null : cells.get(index);
    }

    private static String key(String header) {
        String plain = Normalizer.normalize(header, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[\\s_]", "");
    }
}
