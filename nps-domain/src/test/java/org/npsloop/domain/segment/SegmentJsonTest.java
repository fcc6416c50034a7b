package org.npsloop.domain.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.npsloop.domain.nps.NpsCategory;

/** The stored JSON form of rules: its exact shape, lossless round trips and strict reading. */
class SegmentJsonTest {

    static List<SegmentRule> everyKindOfRule() {
        return List.of(
                Group.all(),
                Group.any(Group.all(new ListMembership(1, false)), Group.any()),
                AttributeCondition.of("plan", Operator.IN, "pro", "Business", "l'équipe \"A\""),
                AttributeCondition.of("plan", Operator.CONTAINS, "50%_off\\"),
                AttributeCondition.of("seats", Operator.GREATER_THAN, "1 234,5"),
                AttributeCondition.of("vip", Operator.IS_TRUE),
                AttributeCondition.of("plan", Operator.IS_NOT_SET),
                AttributeCondition.ofDays("signup_date", Operator.WITHIN_LAST_DAYS, 30),
                AttributeCondition.ofDays("signup_date", Operator.MORE_THAN_DAYS_AGO, 3650),
                FieldCondition.of(ContactField.LANGUAGE, Operator.EQUALS, "FR"),
                FieldCondition.of(ContactField.EMAIL, Operator.CONTAINS, "@example."),
                FieldCondition.of(ContactField.STATUS, Operator.NOT_EQUALS, "ERASED"),
                FieldCondition.of(ContactField.LAST_NAME, Operator.IS_SET),
                FieldCondition.of(ContactField.CREATED_AT, Operator.BEFORE, "2025-01-01"),
                FieldCondition.ofDays(ContactField.CREATED_AT, Operator.WITHIN_LAST_DAYS, 7),
                new ListMembership(12, true),
                new ListMembership(Long.MAX_VALUE, false),
                new EventCondition("PURCHASE", EventOccurrence.WITHIN_LAST_DAYS, 7),
                new EventCondition("RENEWAL", EventOccurrence.EVER, null),
                new EventCondition("ONBOARDING", EventOccurrence.NEVER, null),
                SurveyHistory.lastCategory(NpsCategory.DETRACTOR),
                new SurveyHistory(SurveyCondition.LAST_CATEGORY, NpsCategory.PROMOTER, 90),
                new SurveyHistory(SurveyCondition.NEVER_SURVEYED, null, null),
                new SurveyHistory(SurveyCondition.SURVEYED_WITHIN_DAYS, null, 30),
                new SurveyHistory(SurveyCondition.NOT_SURVEYED_WITHIN_DAYS, null, 180));
    }

    @ParameterizedTest
    @MethodSource("everyKindOfRule")
    void roundTripsLosslessly(SegmentRule rule) {
        String json = SegmentJson.toJson(rule);
        assertEquals(rule, SegmentJson.fromJson(json), json);
        assertEquals(json, SegmentJson.toJson(SegmentJson.fromJson(json)), "writing is stable");
    }

    @Test
    void aWholeSegmentRoundTrips() {
        SegmentRule rule = Group.all(everyKindOfRule().toArray(SegmentRule[]::new));
        assertEquals(rule, SegmentJson.fromJson(SegmentJson.toJson(rule)));
    }

    @Test
    void writesTheDocumentedFormat() {
        assertEquals("{\"type\":\"group\",\"match\":\"ALL\",\"rules\":["
                + "{\"type\":\"attribute\",\"attribute\":\"plan\",\"operator\":\"IN\",\"values\":[\"pro\",\"business\"]},"
                + "{\"type\":\"attribute\",\"attribute\":\"signup_date\",\"operator\":\"WITHIN_LAST_DAYS\",\"days\":30},"
                + "{\"type\":\"field\",\"field\":\"LANGUAGE\",\"operator\":\"EQUALS\",\"values\":[\"FR\"]},"
                + "{\"type\":\"list\",\"listId\":12,\"member\":true},"
                + "{\"type\":\"event\",\"eventType\":\"PURCHASE\",\"occurrence\":\"WITHIN_LAST_DAYS\",\"days\":7},"
                + "{\"type\":\"survey\",\"condition\":\"LAST_CATEGORY\",\"category\":\"DETRACTOR\"},"
                + "{\"type\":\"group\",\"match\":\"ANY\",\"rules\":[]}]}",
                SegmentJson.toJson(Group.all(
                        AttributeCondition.of("plan", Operator.IN, "pro", "business"),
                        AttributeCondition.ofDays("signup_date", Operator.WITHIN_LAST_DAYS, 30),
                        FieldCondition.of(ContactField.LANGUAGE, Operator.EQUALS, "FR"),
                        new ListMembership(12, true),
                        new EventCondition("PURCHASE", EventOccurrence.WITHIN_LAST_DAYS, 7),
                        SurveyHistory.lastCategory(NpsCategory.DETRACTOR),
                        Group.any())));
    }

    @Test
    void readsLenientSpellingsIntoCanonicalRules() {
        assertEquals(AttributeCondition.of("seats", Operator.GREATER_THAN, "10"),
                SegmentJson.fromJson("{\"type\":\"Attribute\",\"attribute\":\"seats\",\"operator\":\"greater_than\",\"values\":[10]}"));
        assertEquals(FieldCondition.of(ContactField.LANGUAGE, Operator.IN, "FR", "EN"),
                SegmentJson.fromJson(" {\"operator\":\"IN\",\"values\":[\"fr\",\"en\"],\"field\":\"language\",\"type\":\"field\"} "));
        assertEquals(AttributeCondition.of("vip", Operator.IS_SET),
                SegmentJson.fromJson("{\"type\":\"attribute\",\"attribute\":\"vip\",\"operator\":\"IS_SET\",\"values\":[],\"days\":null}"));
        assertEquals(AttributeCondition.of("vip", Operator.EQUALS, "true"),
                SegmentJson.fromJson("{\"type\":\"attribute\",\"attribute\":\"vip\",\"operator\":\"EQUALS\",\"values\":[true]}"));
        assertEquals(new EventCondition("PURCHASE", EventOccurrence.EVER, null),
                SegmentJson.fromJson("{\"type\":\"event\",\"eventType\":\"purchase\",\"occurrence\":\"ever\"}"));
    }

    private static String error(String json) {
        return assertThrows(IllegalArgumentException.class, () -> SegmentJson.fromJson(json)).getMessage();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "{", "{\"type\":\"group\",}", "[1,", "{\"type\":\"list\"} trailing"})
    void refusesWhatIsNotJson(String json) {
        String message = error(json);
        assertTrue(message.startsWith("A segment definition"), message);
    }

    @Test
    void namesTheJsonPathOfAMistake() {
        assertEquals("$: expected a rule object, e.g. {\"type\":\"group\",...}", error("[]"));
        assertEquals("$: missing \"type\"", error("{\"match\":\"ALL\"}"));
        assertEquals("$.type: unknown type 'segment' (expected group, attribute, field, list, event or survey)",
                error("{\"type\":\"segment\"}"));
        assertEquals("$.type: expected a text", error("{\"type\":3}"));
        assertEquals("$: missing \"rules\"", error("{\"type\":\"group\",\"match\":\"ALL\"}"));
        assertEquals("$.match: unknown match 'BOTH' (expected ALL or ANY)", error("{\"type\":\"group\",\"match\":\"BOTH\",\"rules\":[]}"));
        assertEquals("$.rules: expected a list of rules", error("{\"type\":\"group\",\"match\":\"ALL\",\"rules\":{}}"));
        assertEquals("$.rules[1].rules[0]: expected a rule object, e.g. {\"type\":\"group\",...}",
                error("{\"type\":\"group\",\"match\":\"ALL\",\"rules\":[{\"type\":\"group\",\"match\":\"ANY\",\"rules\":[]},"
                        + "{\"type\":\"group\",\"match\":\"ANY\",\"rules\":[null]}]}"));
        assertTrue(error("{\"type\":\"attribute\",\"attribute\":\"plan\",\"operator\":\"BIGGER\",\"values\":[\"x\"]}")
                .startsWith("$.operator: unknown operator 'BIGGER' (expected EQUALS, NOT_EQUALS, IN, CONTAINS, "));
        assertEquals("$.operater: unknown key for a rule of type attribute",
                error("{\"type\":\"attribute\",\"attribute\":\"plan\",\"operater\":\"IN\"}"));
        assertEquals("$.listId: expected a whole number, not 1.5", error("{\"type\":\"list\",\"listId\":1.5,\"member\":true}"));
        assertEquals("$.listId: expected a whole number", error("{\"type\":\"list\",\"listId\":\"12\",\"member\":true}"));
        assertEquals("$.member: expected true or false", error("{\"type\":\"list\",\"listId\":12,\"member\":\"yes\"}"));
        assertEquals("$.values[1]: expected a text, number or true/false value",
                error("{\"type\":\"attribute\",\"attribute\":\"plan\",\"operator\":\"IN\",\"values\":[\"a\",{}]}"));
        assertEquals("$.days: days must be between 1 and 3650; got 10000000000",
                error("{\"type\":\"event\",\"eventType\":\"PURCHASE\",\"occurrence\":\"WITHIN_LAST_DAYS\",\"days\":10000000000}"));
        assertEquals("$.category: unknown category 'FAN' (expected DETRACTOR, PASSIVE or PROMOTER)",
                error("{\"type\":\"survey\",\"condition\":\"LAST_CATEGORY\",\"category\":\"FAN\"}"));
    }

    @Test
    void prefixesTheRulesOwnMessageWithItsPath() {
        assertEquals("$.rules[0]: CONTAINS needs one value",
                error("{\"type\":\"group\",\"match\":\"ALL\",\"rules\":[{\"type\":\"attribute\",\"attribute\":\"plan\",\"operator\":\"CONTAINS\"}]}"));
        assertEquals("$: days must be between 1 and 3650; got 0",
                error("{\"type\":\"survey\",\"condition\":\"SURVEYED_WITHIN_DAYS\",\"days\":0}"));
        assertEquals("$.rules[0].rules[0]: LANGUAGE is EN or FR, not 'de'",
                error("{\"type\":\"group\",\"match\":\"ALL\",\"rules\":[{\"type\":\"group\",\"match\":\"ANY\",\"rules\":["
                        + "{\"type\":\"field\",\"field\":\"LANGUAGE\",\"operator\":\"EQUALS\",\"values\":[\"de\"]}]}]}"));
    }
}
