package org.npsloop.domain.question;

import org.npsloop.domain.nps.NpsCategory;

/** Who is asked an additional question: everyone, or only the respondents of one NPS category. */
public enum QuestionAudience {
    EVERYONE(null),
    DETRACTORS(NpsCategory.DETRACTOR),
    PASSIVES(NpsCategory.PASSIVE),
    PROMOTERS(NpsCategory.PROMOTER);

    private final NpsCategory category;

    QuestionAudience(NpsCategory category) {
        this.category = category;
    }

    /** Whether a respondent of this category is asked (null: no score yet, only questions for everyone). */
    public boolean appliesTo(NpsCategory of) {
        return category == null || category == of;
    }

    /** The category asked, or null for everyone. */
    public NpsCategory category() {
        return category;
    }
}
