package org.npsloop.reporting.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Dated notes shown on the NPS trend (a release, an incident, a price change). */
public interface AnnotationService {

    /** Notes dated from {@code from} to {@code to} (both included, either may be null for no bound), oldest first. */
    List<AnnotationView> between(LocalDate from, LocalDate to);

    /**
     * @throws org.npsloop.domain.validation.InvalidInputException naming {@code day} (missing) or {@code text}
     *         (empty, longer than {@link org.npsloop.domain.report.Annotation#MAX_TEXT})
     */
    AnnotationView create(AnnotationInput input, String author);

    /** @throws java.util.NoSuchElementException when there is no such note; InvalidInputException as {@link #create} */
    AnnotationView update(long id, AnnotationInput input);

    /** @throws java.util.NoSuchElementException when there is no such note */
    void delete(long id);

    /** What a person types: the day the note is about and its text. */
    record AnnotationInput(LocalDate day, String text) {
    }

    record AnnotationView(long id, LocalDate day, String text, String author, Instant createdAt, Instant updatedAt) {
    }
}
