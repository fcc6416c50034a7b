package org.npsloop.campaigns.survey;

/** A survey's id where it travels next to other ids (a campaign's list, segment...), so they cannot be swapped. */
public record SurveyId(long value) implements java.io.Serializable {

    public static SurveyId of(Long value) {
        return value == null ? null : new SurveyId(value);
    }
}
