package org.npsloop.domain.survey;

import org.npsloop.domain.audience.Language;

/**
 * What a survey's mail says and wears in one language: the brand, its colour and logo, the postal address and the
 * texts. A value read from the {@link Survey}, so that the mail API never takes the entity.
 */
public record SurveyLetter(Language language, String brandName, String brandColour, String logoUrl, String postalAddress,
        SurveyTexts texts) {
}
