package org.npsloop.campaigns.audience.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.npsloop.campaigns.audience.EventImportService;
import org.npsloop.campaigns.audience.ImportService.Rejection;
import org.npsloop.campaigns.audience.JourneyEventService;
import org.npsloop.campaigns.audience.JourneyEventService.Recorded;
import org.npsloop.campaigns.audience.imports.ContactCsvReader;
import org.npsloop.campaigns.audience.imports.CsvFormat;
import org.npsloop.campaigns.audience.internal.imports.EventCsvRows;
import org.npsloop.campaigns.audience.internal.imports.EventCsvRows.EventLine;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.i18n.Message;
import org.npsloop.domain.validation.FieldError;
import org.npsloop.domain.validation.InvalidInputException;

/**
 * Stores events a thousand at a time. A batch is all or nothing in the event service, so the lines it
 * refuses are set aside with their reasons and the rest of the batch is stored in a second pass.
 */
@ApplicationScoped
public class DefaultEventImportService implements EventImportService {

    private static final int BATCH = 1000;
    private static final Pattern EVENT_INDEX = Pattern.compile("^events\\[(\\d+)]\\.?(.*)$");

    @Inject
    private ContactCsvReader reader;

    @Inject
    private JourneyEventService events;

    @Override
    public Result importEvents(InputStream csv) throws IOException {
        InputStream in = new BufferedInputStream(csv, ContactCsvReader.HEAD_SIZE * 2);
        in.mark(ContactCsvReader.HEAD_SIZE + 1);
        CsvFormat format;
        try {
            format = reader.detect(in.readNBytes(ContactCsvReader.HEAD_SIZE));
        } catch (IllegalArgumentException e) {
            throw refusedFile(e);
        }
        in.reset();
        List<Rejection> rejections = new ArrayList<>();
        List<EventLine> batch = new ArrayList<>();
        int[] counts = new int[2];
        try {
            EventCsvRows.read(in, format, line -> {
                batch.add(line);
                if (batch.size() == BATCH) {
                    store(batch, counts, rejections);
                    batch.clear();
                }
            }, rejected -> rejections.add(new Rejection(rejected.line(), rejected.reasons(), rejected.rawText())));
        } catch (IllegalArgumentException e) {
            throw refusedFile(e);
        }
        store(batch, counts, rejections);
        rejections.sort(java.util.Comparator.comparingInt(Rejection::line));
        return new Result(counts[0], counts[1], rejections);
    }

    private void store(List<EventLine> lines, int[] counts, List<Rejection> rejections) {
        if (lines.isEmpty()) {
            return;
        }
        List<EventLine> accepted = new ArrayList<>(lines);
        try {
            count(events.recordAll(accepted.stream().map(EventLine::event).toList()), counts);
        } catch (InvalidInputException e) {
            Set<Integer> refused = new HashSet<>();
            for (FieldError error : e.errors()) {
                Matcher m = EVENT_INDEX.matcher(error.field());
                if (m.matches()) {
                    int index = Integer.parseInt(m.group(1));
                    refused.add(index);
                    EventLine line = accepted.get(index);
                    rejections.add(new Rejection(line.line(),
                            List.of(Message.of("import.line.field", m.group(2), error.reason())), line.rawText()));
                }
            }
            List<EventLine> rest = new ArrayList<>();
            for (int i = 0; i < accepted.size(); i++) {
                if (!refused.contains(i)) {
                    rest.add(accepted.get(i));
                }
            }
            if (!rest.isEmpty()) {
                count(events.recordAll(rest.stream().map(EventLine::event).toList()), counts);
            }
        }
    }

    /** A file that is not an event file at all (empty, no header, a required column missing): nothing is read. */
    static InvalidInputException refusedFile(IllegalArgumentException e) {
        return new InvalidInputException(List.of(new FieldError("file", InvalidValueException.reasonOf(e))));
    }

    private static void count(List<Recorded> recorded, int[] counts) {
        for (Recorded r : recorded) {
            counts[r.outcome() == JourneyEventService.Outcome.CREATED ? 0 : 1]++;
        }
    }
}
