package org.npsloop.domain.question;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.npsloop.domain.audience.Language;

/** One option of a choice question: its stable code (what answers store) and its label in each language. */
@Embeddable
public class QuestionChoice {

    public static final int MAX_LABEL = 200;

    @Column(name = "code", nullable = false, length = 40)
    private String code;

    @Column(name = "label_en", nullable = false, length = MAX_LABEL)
    private String labelEn;

    @Column(name = "label_fr", nullable = false, length = MAX_LABEL)
    private String labelFr;

    protected QuestionChoice() {
        // for JPA
    }

    public QuestionChoice(String code, String labelEn, String labelFr) {
        this.code = code;
        this.labelEn = labelEn;
        this.labelFr = labelFr;
    }

    public String getCode() {
        return code;
    }

    public String getLabelEn() {
        return labelEn;
    }

    public String getLabelFr() {
        return labelFr;
    }

    public String label(Language language) {
        return language == Language.FR ? labelFr : labelEn;
    }
}
