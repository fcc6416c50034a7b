package org.npsloop.reporting.drilldown;

import org.npsloop.domain.audience.Language;
import org.npsloop.domain.nps.KeyDriver;
import org.npsloop.domain.question.RatingScale;

/**
 * One touchpoint on one scale in the key-driver view: {@code driver.high()} is the NPS of the respondents who
 * rated it high ({@link RatingScale#highFrom} and above), {@code driver.low()} of those who rated it lower.
 */
public record Driver(String touchpoint, String labelEn, String labelFr, RatingScale scale, KeyDriver driver) {

    public String label(Language language) {
        return language == Language.FR ? labelFr : labelEn;
    }
}
