package org.npsloop.domain.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.npsloop.domain.audience.AttributeType;
import org.npsloop.domain.nps.NpsCategory;

/** The rule records refuse, in words a marketer can read, what could never be translated. */
class SegmentRuleTest {

    private static String error(Executable construction) {
        return assertThrows(IllegalArgumentException.class, construction).getMessage();
    }

    @Test
    void operatorsTakeTheirNumberOfValues() {
        assertEquals("CONTAINS needs one value", error(() -> AttributeCondition.of("plan", Operator.CONTAINS)));
        assertEquals("EQUALS needs one value", error(() -> AttributeCondition.of("plan", Operator.EQUALS, "a", "b")));
        assertEquals("IN needs at least one value", error(() -> AttributeCondition.of("plan", Operator.IN)));
        assertEquals("IS_SET takes no value", error(() -> AttributeCondition.of("plan", Operator.IS_SET, "x")));
        assertEquals("WITHIN_LAST_DAYS takes no value",
                error(() -> new AttributeCondition("d", Operator.WITHIN_LAST_DAYS, List.of("x"), 3)));
        assertEquals("CONTAINS needs non-empty values", error(() -> AttributeCondition.of("plan", Operator.CONTAINS, " ")));
        assertEquals("IN takes at most 500 values",
                error(() -> new AttributeCondition("plan", Operator.IN, Collections.nCopies(501, "x"), null)));
        assertEquals(500, new AttributeCondition("plan", Operator.IN, Collections.nCopies(500, "x"), null).values().size());
    }

    @Test
    void daysAreRequiredOnlyWhereTheyCount() {
        assertEquals("WITHIN_LAST_DAYS needs a number of days",
                error(() -> new AttributeCondition("d", Operator.WITHIN_LAST_DAYS, List.of(), null)));
        assertEquals("EQUALS takes no number of days", error(() -> new AttributeCondition("d", Operator.EQUALS, List.of("x"), 3)));
        assertEquals("days must be between 1 and 3650; got 0", error(() -> AttributeCondition.ofDays("d", Operator.MORE_THAN_DAYS_AGO, 0)));
        assertEquals("days must be between 1 and 3650; got 3651", error(() -> AttributeCondition.ofDays("d", Operator.WITHIN_LAST_DAYS, 3651)));
        assertEquals(3650, AttributeCondition.ofDays("d", Operator.WITHIN_LAST_DAYS, 3650).days());
    }

    @Test
    void attributeNamesAreNormalisedAndValuesStripped() {
        AttributeCondition condition = new AttributeCondition("Signup Date", Operator.IN, List.of(" 2025-01-01 ", "x"), null);
        assertEquals("signup_date", condition.attribute());
        assertEquals(List.of("2025-01-01", "x"), condition.values());
        assertTrue(error(() -> AttributeCondition.of("1st", Operator.IS_SET)).startsWith("An attribute name is a letter"));
        assertEquals("A condition on plan needs an operator", error(() -> new AttributeCondition("plan", null, List.of(), null)));
    }

    @Test
    void valuesAreCopied() {
        List<String> values = new ArrayList<>(List.of("a"));
        AttributeCondition condition = new AttributeCondition("plan", Operator.IN, values, null);
        values.add("b");
        assertEquals(List.of("a"), condition.values());
        assertThrows(UnsupportedOperationException.class, () -> condition.values().add("c"));
    }

    @Test
    void fieldsAcceptOnlyTheirOperators() {
        assertEquals("GREATER_THAN does not apply to LANGUAGE (use EQUALS, NOT_EQUALS or IN)",
                error(() -> FieldCondition.of(ContactField.LANGUAGE, Operator.GREATER_THAN, "3")));
        assertEquals("EQUALS does not apply to CREATED_AT (use BEFORE, AFTER, WITHIN_LAST_DAYS or MORE_THAN_DAYS_AGO)",
                error(() -> FieldCondition.of(ContactField.CREATED_AT, Operator.EQUALS, "2025-01-01")));
        assertEquals("IS_NOT_SET does not apply to EMAIL (use EQUALS, NOT_EQUALS, IN or CONTAINS)",
                error(() -> FieldCondition.of(ContactField.EMAIL, Operator.IS_NOT_SET)));
        for (ContactField field : ContactField.values()) {
            for (Operator operator : field.operators()) {
                assertTrue(operator.appliesTo(AttributeType.TEXT) || operator.appliesTo(AttributeType.DATE), field + " " + operator);
            }
        }
    }

    @Test
    void fieldValuesAreCheckedAndNormalised() {
        assertEquals(List.of("FR", "EN"), FieldCondition.of(ContactField.LANGUAGE, Operator.IN, "fr", " En ").values());
        assertEquals("LANGUAGE is EN or FR, not 'de'", error(() -> FieldCondition.of(ContactField.LANGUAGE, Operator.EQUALS, "de")));
        assertEquals("STATUS is ACTIVE, UNSUBSCRIBED, BOUNCED or ERASED, not 'gone'",
                error(() -> FieldCondition.of(ContactField.STATUS, Operator.EQUALS, "gone")));
        assertEquals(List.of("2025-12-31"), FieldCondition.of(ContactField.CREATED_AT, Operator.BEFORE, "31/12/2025").values());
        assertEquals("CREATED_AT: not a date (expected 2025-12-31 or 31/12/2025): soon",
                error(() -> FieldCondition.of(ContactField.CREATED_AT, Operator.AFTER, "soon")));
        assertEquals(List.of("Ann"), new FieldCondition(ContactField.FIRST_NAME, Operator.EQUALS, List.of(" Ann ")).values());
        assertEquals("WITHIN_LAST_DAYS needs a number of days", error(() -> FieldCondition.of(ContactField.CREATED_AT, Operator.WITHIN_LAST_DAYS)));
    }

    @Test
    void groups() {
        assertEquals("A group needs a match (ALL or ANY)", error(() -> new Group(null, List.of())));
        assertEquals("A group cannot contain an empty rule", error(() -> new Group(Match.ALL, Arrays.asList((SegmentRule) null))));
        List<SegmentRule> rules = new ArrayList<>(List.of(new ListMembership(1, true)));
        Group group = new Group(Match.ANY, rules);
        rules.clear();
        assertEquals(1, group.rules().size(), "a group keeps its own copy");
        assertEquals(Match.ALL, Group.all().match());
    }

    @Test
    void listsAreIdentifiedByAPositiveId() {
        assertEquals("A mailing list id is a positive number; got 0", error(() -> new ListMembership(0, true)));
    }

    @Test
    void eventTypesAreUpperCasedAndDaysOnlyForRecentEvents() {
        assertEquals("SUPPORT_CLOSED", new EventCondition(" support_closed ", EventOccurrence.EVER, null).eventType());
        assertTrue(error(() -> new EventCondition("bad type!", EventOccurrence.EVER, null)).startsWith("An event type is a letter"));
        assertEquals("WITHIN_LAST_DAYS needs a number of days", error(() -> new EventCondition("PURCHASE", EventOccurrence.WITHIN_LAST_DAYS, null)));
        assertEquals("NEVER takes no number of days", error(() -> new EventCondition("PURCHASE", EventOccurrence.NEVER, 3)));
        assertTrue(error(() -> new EventCondition("PURCHASE", null, null)).contains("needs an occurrence"));
    }

    @Test
    void surveyHistoryTakesACategoryOnlyForTheLastCategory() {
        assertEquals("LAST_CATEGORY needs a category (DETRACTOR, PASSIVE or PROMOTER)",
                error(() -> new SurveyHistory(SurveyCondition.LAST_CATEGORY, null, null)));
        assertEquals("A category only applies to LAST_CATEGORY, not to NEVER_SURVEYED",
                error(() -> new SurveyHistory(SurveyCondition.NEVER_SURVEYED, NpsCategory.PROMOTER, null)));
        assertEquals("SURVEYED_WITHIN_DAYS needs a number of days", error(() -> new SurveyHistory(SurveyCondition.SURVEYED_WITHIN_DAYS, null, null)));
        assertEquals("NEVER_SURVEYED takes no number of days", error(() -> new SurveyHistory(SurveyCondition.NEVER_SURVEYED, null, 30)));
        assertEquals("days must be between 1 and 3650; got -1",
                error(() -> new SurveyHistory(SurveyCondition.LAST_CATEGORY, NpsCategory.PASSIVE, -1)));
        assertEquals(90, new SurveyHistory(SurveyCondition.LAST_CATEGORY, NpsCategory.PASSIVE, 90).days());
    }

    @Test
    void operatorFacts() {
        assertTrue(Operator.NOT_EQUALS.isNegative());
        assertTrue(Operator.IS_NOT_SET.isNegative());
        assertFalse(Operator.IN.isNegative());
        assertEquals(Operator.EQUALS, Operator.NOT_EQUALS.positive());
        assertEquals(Operator.IS_SET, Operator.IS_NOT_SET.positive());
        assertTrue(Operator.MORE_THAN_DAYS_AGO.takesDays());
        assertTrue(Operator.EQUALS.takesValues());
        assertTrue(Operator.IN.takesValues() && Operator.IN.takesSeveralValues());
        assertFalse(Operator.EQUALS.takesSeveralValues());
        assertFalse(Operator.WITHIN_LAST_DAYS.takesValues());
        assertFalse(Operator.IS_TRUE.takesValues() || Operator.IS_TRUE.takesDays());
        for (AttributeType type : AttributeType.values()) {
            assertTrue(Operator.IS_SET.appliesTo(type));
        }
    }
}
