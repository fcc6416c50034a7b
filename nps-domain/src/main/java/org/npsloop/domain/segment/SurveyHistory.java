package org.npsloop.domain.segment;

import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.nps.NpsCategory;

/**
 * A condition on the contact's surveys: their latest answer's category, or when they were last
 * invited (to avoid over-surveying).
 *
 * @param category only, and required, for {@link SurveyCondition#LAST_CATEGORY}
 * @param days required for the two "within days" conditions; optional for LAST_CATEGORY, where it
 *     ignores answers older than that
 */
public record SurveyHistory(SurveyCondition condition, NpsCategory category, Integer days) implements SegmentRule {

    public SurveyHistory {
        RuleChecks.require(condition, "segment.survey.condition");
        if (condition == SurveyCondition.LAST_CATEGORY) {
            RuleChecks.require(category, "segment.survey.category");
        } else if (category != null) {
            throw new InvalidValueException("segment.survey.categoryForbidden", condition.name());
        }
        switch (condition) {
            case SURVEYED_WITHIN_DAYS, NOT_SURVEYED_WITHIN_DAYS -> RuleChecks.requireDays(days, condition.name());
            case NEVER_SURVEYED -> RuleChecks.forbidDays(days, condition.name());
            case LAST_CATEGORY -> RuleChecks.checkDaysRange(days);
        }
    }

    public static SurveyHistory lastCategory(NpsCategory category) {
        return new SurveyHistory(SurveyCondition.LAST_CATEGORY, category, null);
    }
}
