package org.npsloop.domain.question;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.question.QuestionDefinition.ChoiceLabels;
import org.npsloop.domain.survey.Survey;
import org.npsloop.domain.validation.InvalidInputException;

class SurveyQuestionTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final Survey SURVEY = new Survey("S", "Acme", NOW);
    private static final Touchpoint DELIVERY = new Touchpoint("Delivery", "Livraison", 4, NOW);

    private static SurveyQuestion rating(RatingScale scale, boolean required) {
        return new SurveyQuestion(SURVEY, 1, new QuestionDefinition(QuestionKind.TOUCHPOINT_RATING, scale, DELIVERY,
                required, QuestionAudience.EVERYONE, "How was the delivery?", "Et la livraison ?", null), NOW);
    }

    private static SurveyQuestion choice(QuestionKind kind, QuestionAudience audience) {
        return new SurveyQuestion(SURVEY, 2, new QuestionDefinition(kind, null, null, false, audience,
                "What first?", "Quoi d'abord ?", List.of(new ChoiceLabels(null, "Price", "Prix"),
                        new ChoiceLabels(null, "Speed", "Rapidité"), new ChoiceLabels(null, " ", ""))), NOW);
    }

    @Test
    void aRatingIsAWholeNumberOnTheQuestionsScale() {
        SurveyQuestion fiveStars = rating(RatingScale.ONE_TO_FIVE, false);
        assertEquals(AnswerValue.ofRating(5), fiveStars.parseAnswer(List.of("5")));
        assertEquals(AnswerValue.ofRating(1), fiveStars.parseAnswer(List.of(" 1 ")));
        for (String bad : List.of("0", "6", "4.5", "-1", "٣", "five", "10")) {
            InvalidValueException refusal = assertThrows(InvalidValueException.class, () -> fiveStars.parseAnswer(List.of(bad)), bad);
            assertEquals("answer.rating.invalid", refusal.reason().key());
        }
        SurveyQuestion elevenPoints = rating(RatingScale.ZERO_TO_TEN, false);
        assertEquals(AnswerValue.ofRating(0), elevenPoints.parseAnswer(List.of("0")));
        assertEquals(AnswerValue.ofRating(10), elevenPoints.parseAnswer(List.of("10")));
        assertThrows(InvalidValueException.class, () -> elevenPoints.parseAnswer(List.of("11")));
    }

    @Test
    void aBlankAnswerIsNoAnswerRefusedOnlyWhenRequired() {
        assertEquals(AnswerValue.EMPTY, rating(RatingScale.ONE_TO_FIVE, false).parseAnswer(List.of(" ")));
        assertEquals(AnswerValue.EMPTY, rating(RatingScale.ONE_TO_FIVE, false).parseAnswer(null));
        InvalidValueException refusal = assertThrows(InvalidValueException.class,
                () -> rating(RatingScale.ONE_TO_FIVE, true).parseAnswer(List.of()));
        assertEquals("answer.required", refusal.reason().key());
    }

    @Test
    void choicesGetStableCodesThatSurviveRelabellingAndReordering() {
        SurveyQuestion question = choice(QuestionKind.MULTIPLE_CHOICE, QuestionAudience.DETRACTORS);
        assertEquals(List.of("C1", "C2"), question.getChoices().stream().map(QuestionChoice::getCode).toList(),
                "the blank third option is dropped");
        question.define(new QuestionDefinition(QuestionKind.MULTIPLE_CHOICE, null, null, false, QuestionAudience.DETRACTORS,
                "What first?", "Quoi d'abord ?", List.of(new ChoiceLabels("C2", "Speed of delivery", "Rapidité"),
                        new ChoiceLabels(null, "Support", "Support"), new ChoiceLabels("C1", "Price", "Prix"))), NOW);
        assertEquals(List.of("C2", "C3", "C1"), question.getChoices().stream().map(QuestionChoice::getCode).toList());
        assertEquals("Speed of delivery", question.choice("C2").orElseThrow().getLabelEn());
        assertEquals(AnswerValue.ofChoices(List.of("C3", "C1")), question.parseAnswer(List.of("C3", "C1", "C3")));
        // The options' order, not the order sent: C2 comes first.
        assertEquals(AnswerValue.ofChoices(List.of("C2", "C1")), question.parseAnswer(List.of("C1", "C2")));
        assertThrows(InvalidValueException.class, () -> question.parseAnswer(List.of("C9")));
    }

    @Test
    void aSingleChoiceTakesOneOption() {
        SurveyQuestion question = choice(QuestionKind.SINGLE_CHOICE, QuestionAudience.EVERYONE);
        assertEquals(AnswerValue.ofChoices(List.of("C2")), question.parseAnswer(List.of("C2")));
        InvalidValueException refusal = assertThrows(InvalidValueException.class, () -> question.parseAnswer(List.of("C1", "C2")));
        assertEquals("answer.choice.single", refusal.reason().key());
    }

    @Test
    void yesNoAndShortText() {
        SurveyQuestion yesNo = new SurveyQuestion(SURVEY, 3, new QuestionDefinition(QuestionKind.YES_NO, null, null, false, null,
                "Did we solve it?", "Avons-nous résolu ?", null), NOW);
        assertEquals(AnswerValue.ofYesNo(true), yesNo.parseAnswer(List.of("oui")));
        assertEquals(AnswerValue.ofYesNo(false), yesNo.parseAnswer(List.of("no")));
        assertThrows(InvalidValueException.class, () -> yesNo.parseAnswer(List.of("maybe")));
        SurveyQuestion text = new SurveyQuestion(SURVEY, 4, new QuestionDefinition(QuestionKind.SHORT_TEXT, null, null, false, null,
                "Anything else?", "Autre chose ?", null), NOW);
        assertEquals(AnswerValue.ofText("Faster please"), text.parseAnswer(List.of("  Faster please \u0000")));
        assertEquals(1000, text.parseAnswer(List.of("😀".repeat(1000))).text().codePointCount(0, 2000));
        assertThrows(InvalidValueException.class, () -> text.parseAnswer(List.of("a".repeat(1001))));
    }

    @Test
    void aQuestionIsAskedToItsAudienceUntilArchived() {
        SurveyQuestion detractorsOnly = choice(QuestionKind.SINGLE_CHOICE, QuestionAudience.DETRACTORS);
        assertTrue(detractorsOnly.appliesTo(NpsCategory.DETRACTOR));
        assertFalse(detractorsOnly.appliesTo(NpsCategory.PROMOTER));
        assertFalse(detractorsOnly.appliesTo(null), "before a score only questions for everyone are asked");
        SurveyQuestion everyone = rating(RatingScale.ONE_TO_FIVE, false);
        assertTrue(everyone.appliesTo(NpsCategory.PASSIVE));
        everyone.archive(NOW);
        assertFalse(everyone.appliesTo(NpsCategory.PASSIVE));
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        InvalidInputException refusal = assertThrows(InvalidInputException.class, () -> new SurveyQuestion(SURVEY, 1,
                new QuestionDefinition(QuestionKind.TOUCHPOINT_RATING, null, null, false, null, " ", "x".repeat(501), null), NOW));
        assertEquals(List.of("textEn", "textFr", "touchpointId"),
                refusal.errors().stream().map(e -> e.field()).toList());
        InvalidInputException tooFew = assertThrows(InvalidInputException.class, () -> new SurveyQuestion(SURVEY, 1,
                new QuestionDefinition(QuestionKind.SINGLE_CHOICE, null, null, false, null, "Q", "Q",
                        List.of(new ChoiceLabels(null, "Only", "Seule"))), NOW));
        assertEquals("choices", tooFew.errors().get(0).field());
    }

    @Test
    void touchpointCodesAreAsciiKeysOfTheirEnglishName() {
        assertEquals("APRES_VENTE_24_7", Touchpoint.codeOf("Après-vente 24/7"));
        assertEquals("TOUCHPOINT", Touchpoint.codeOf("…"));
        assertTrue(RatingScale.ONE_TO_FIVE.isHigh(4));
        assertFalse(RatingScale.ONE_TO_FIVE.isHigh(3));
        assertTrue(RatingScale.ZERO_TO_TEN.isHigh(8));
        assertFalse(RatingScale.ZERO_TO_TEN.isHigh(7));
    }
}
