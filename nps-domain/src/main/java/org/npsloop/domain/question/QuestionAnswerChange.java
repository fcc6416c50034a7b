package org.npsloop.domain.question;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.npsloop.domain.response.Response;

/** One version of an additional answer, written each time it is given, changed or cleared. */
@Entity
@Table(name = "response_answer_change")
public class QuestionAnswerChange {

    @Id
    @SequenceGenerator(name = "response_answer_change_seq", sequenceName = "response_answer_change_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "response_answer_change_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "response_id")
    private Response response;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "question_id")
    private SurveyQuestion question;

    /** {@link AnswerValue#written()}: null when the answer was cleared. */
    @Column(name = "value_text", length = 4000)
    private String value;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected QuestionAnswerChange() {
        // for JPA
    }

    public QuestionAnswerChange(Response response, SurveyQuestion question, AnswerValue value, Instant now) {
        this.response = response;
        this.question = question;
        this.value = value.written();
        this.changedAt = now;
    }

    public Long getId() {
        return id;
    }

    public SurveyQuestion getQuestion() {
        return question;
    }

    public String getValue() {
        return value;
    }

    public Instant getChangedAt() {
        return changedAt;
    }
}
