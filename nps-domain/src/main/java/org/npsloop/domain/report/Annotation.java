package org.npsloop.domain.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.npsloop.domain.validation.FieldError;
import org.npsloop.domain.validation.InvalidInputException;

/** A dated note on the NPS trend (a release, an incident, a price change) and who wrote it. */
@Entity
@Table(name = "annotation")
@NamedQuery(name = "Annotation.between", query = "SELECT a FROM Annotation a WHERE a.day >= :from AND a.day <= :to"
        + " ORDER BY a.day, a.id")
public class Annotation {

    /** Longest text kept: a note on a chart, not an essay. */
    public static final int MAX_TEXT = 500;

    @Id
    @SequenceGenerator(name = "annotation_seq", sequenceName = "annotation_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "annotation_seq")
    private Long id;

    @Column(name = "note_day", nullable = false)
    private LocalDate day;

    @Column(name = "note_text", nullable = false, length = MAX_TEXT)
    private String text;

    @Column(nullable = false, length = 100)
    private String author;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Annotation() {
        // for JPA
    }

    /** @throws InvalidInputException naming {@code day} and {@code text} when missing, blank or too long */
    public Annotation(LocalDate day, String text, String author, Instant now) {
        this.author = author;
        this.createdAt = now;
        change(day, text, now);
    }

    /** @throws InvalidInputException naming {@code day} and {@code text} when missing, blank or too long */
    public final void change(LocalDate newDay, String newText, Instant now) {
        String stripped = newText == null ? null : newText.strip();
        List<FieldError> errors = new ArrayList<>();
        if (newDay == null) {
            errors.add(new FieldError("day", "annotation.day.required"));
        }
        if (stripped == null || stripped.isEmpty()) {
            errors.add(new FieldError("text", "annotation.text.required"));
        } else if (stripped.length() > MAX_TEXT) {
            errors.add(new FieldError("text", "annotation.text.tooLong", MAX_TEXT, stripped.length()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        this.day = newDay;
        this.text = stripped;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public LocalDate getDay() {
        return day;
    }

    public String getText() {
        return text;
    }

    public String getAuthor() {
        return author;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
