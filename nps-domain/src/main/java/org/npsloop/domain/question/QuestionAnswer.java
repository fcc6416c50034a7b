package org.npsloop.domain.question;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.npsloop.domain.response.Response;

/** The latest answer of a response to one additional question; each version is kept as a {@link QuestionAnswerChange}. */
@Entity
@Table(name = "response_answer")
public class QuestionAnswer {

    @Id
    @SequenceGenerator(name = "response_answer_seq", sequenceName = "response_answer_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "response_answer_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "response_id")
    private Response response;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "question_id")
    private SurveyQuestion question;

    private Integer rating;

    @Column(name = "text_value", length = 4000)
    private String text;

    @Column(name = "yes_no")
    private Boolean yesNo;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "response_answer_choice", joinColumns = @JoinColumn(name = "answer_id"))
    @Column(name = "choice_code", length = 40)
    private List<String> choices = new ArrayList<>();

    @Column(name = "answered_at", nullable = false)
    private Instant answeredAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected QuestionAnswer() {
        // for JPA
    }

    public QuestionAnswer(Response response, SurveyQuestion question, AnswerValue value, Instant now) {
        this.response = response;
        this.question = question;
        this.answeredAt = now;
        set(value, now);
    }

    /** @return whether the answer changed */
    public boolean change(AnswerValue value, Instant now) {
        if (value().sameAs(value)) {
            return false;
        }
        set(value, now);
        return true;
    }

    private void set(AnswerValue value, Instant now) {
        rating = value.rating();
        text = value.text();
        yesNo = value.yesNo();
        choices.clear();
        choices.addAll(value.choices());
        updatedAt = now;
    }

    public AnswerValue value() {
        return new AnswerValue(rating, choices, text, yesNo);
    }

    /** A personal text leaves with its author: the rating, choices and yes/no stay, anonymous, in the figures. */
    public void eraseText(Instant now) {
        if (text != null) {
            text = null;
            updatedAt = now;
        }
    }

    public Long getId() {
        return id;
    }

    public Response getResponse() {
        return response;
    }

    public SurveyQuestion getQuestion() {
        return question;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
