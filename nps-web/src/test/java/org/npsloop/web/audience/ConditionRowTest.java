package org.npsloop.web.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.audience.AttributeType;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.segment.AttributeCondition;
import org.npsloop.domain.segment.ContactField;
import org.npsloop.domain.segment.EventCondition;
import org.npsloop.domain.segment.EventOccurrence;
import org.npsloop.domain.segment.FieldCondition;
import org.npsloop.domain.segment.Group;
import org.npsloop.domain.segment.ListMembership;
import org.npsloop.domain.segment.Operator;
import org.npsloop.domain.segment.SegmentRule;
import org.npsloop.domain.segment.SurveyCondition;
import org.npsloop.domain.segment.SurveyHistory;
import org.npsloop.web.audience.ConditionRow.Kind;

/** The segment editor's rows make the rules the marketer sees, and show saved rules back. */
class ConditionRowTest {

    private static final Map<String, AttributeType> TYPES = Map.of("plan", AttributeType.TEXT, "seats", AttributeType.NUMBER,
            "vip", AttributeType.BOOLEAN, "signup_date", AttributeType.DATE);
    private static final List<Long> LISTS = List.of(7L, 9L);

    private static ConditionRow fitted(Kind kind) {
        ConditionRow row = new ConditionRow(kind);
        row.fit(TYPES, LISTS);
        return row;
    }

    @Test
    void operatorsAreThoseOfTheAttributeTypeOrTheField() {
        ConditionRow row = new ConditionRow(Kind.ATTRIBUTE);
        row.setAttribute("vip");
        assertEquals(List.of(Operator.IS_TRUE, Operator.IS_FALSE, Operator.IS_SET, Operator.IS_NOT_SET), row.operators(TYPES));
        row.setKind(Kind.FIELD);
        row.setField(ContactField.LANGUAGE);
        assertEquals(List.of(Operator.EQUALS, Operator.NOT_EQUALS, Operator.IN), row.operators(TYPES));
        row.setKind(Kind.EVENT);
        assertTrue(row.operators(TYPES).isEmpty());
    }

    @Test
    void aChangedAttributeGetsAnOperatorThatSuitsIt() {
        ConditionRow row = new ConditionRow(Kind.ATTRIBUTE);
        row.setAttribute("plan");
        row.setOperator(Operator.CONTAINS);
        assertTrue(row.fit(TYPES, LISTS), "nothing to change");
        row.setAttribute("seats");
        assertFalse(row.fit(TYPES, LISTS));
        assertEquals(Operator.EQUALS, row.getOperator());
        row.setAttribute("gone");
        assertFalse(row.fit(TYPES, LISTS));
        assertTrue(TYPES.containsKey(row.getAttribute()));

        ConditionRow list = fitted(Kind.LIST);
        assertEquals(7L, list.getListId());
        list.setListId(99L);
        assertFalse(list.fit(TYPES, LISTS), "an unknown list is not shown as another one silently");
    }

    @Test
    void rowsMakeTheRulesOfTheirKind() {
        ConditionRow plan = new ConditionRow(Kind.ATTRIBUTE);
        plan.setAttribute("plan");
        plan.setOperator(Operator.IN);
        plan.setValues(" pro, business ,");
        assertEquals(AttributeCondition.of("plan", Operator.IN, "pro", "business"), plan.toRule(TYPES));

        ConditionRow language = fitted(Kind.FIELD);
        language.setField(ContactField.LANGUAGE);
        language.setOperator(Operator.EQUALS);
        language.setValues("fr");
        assertEquals(FieldCondition.of(ContactField.LANGUAGE, Operator.EQUALS, "FR"), language.toRule(TYPES));

        ConditionRow list = fitted(Kind.LIST);
        list.setMember(false);
        assertEquals(new ListMembership(7, false), list.toRule(TYPES));

        ConditionRow event = fitted(Kind.EVENT);
        event.setEventType("purchase");
        event.setOccurrence(EventOccurrence.WITHIN_LAST_DAYS);
        event.setDays(30);
        assertEquals(new EventCondition("PURCHASE", EventOccurrence.WITHIN_LAST_DAYS, 30), event.toRule(TYPES));

        ConditionRow survey = fitted(Kind.SURVEY);
        survey.setCategory(NpsCategory.DETRACTOR);
        assertEquals(SurveyHistory.lastCategory(NpsCategory.DETRACTOR), survey.toRule(TYPES));
    }

    @Test
    void hiddenInputsDoNotCount() {
        ConditionRow row = new ConditionRow(Kind.ATTRIBUTE);
        row.setAttribute("signup_date");
        row.setOperator(Operator.WITHIN_LAST_DAYS);
        row.setValues("2025-01-01");
        row.setDays(30);
        assertTrue(row.isTakesDays());
        assertFalse(row.isTakesValues());
        assertEquals(AttributeCondition.ofDays("signup_date", Operator.WITHIN_LAST_DAYS, 30), row.toRule(TYPES));

        ConditionRow survey = fitted(Kind.SURVEY);
        survey.setCondition(SurveyCondition.NEVER_SURVEYED);
        survey.setDays(30);
        assertFalse(survey.isTakesDays() || survey.isTakesCategory());
        assertEquals(new SurveyHistory(SurveyCondition.NEVER_SURVEYED, null, null), survey.toRule(TYPES));
    }

    @Test
    void invalidRowsSayWhyInTheRulesWords() {
        ConditionRow plan = fitted(Kind.ATTRIBUTE);
        plan.setAttribute("plan");
        plan.setOperator(Operator.EQUALS);
        assertEquals("EQUALS needs one value", assertThrows(IllegalArgumentException.class, () -> plan.toRule(TYPES)).getMessage());

        ConditionRow seats = new ConditionRow(Kind.ATTRIBUTE);
        seats.setAttribute("seats");
        seats.setOperator(Operator.GREATER_THAN);
        seats.setValues("many");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> seats.toRule(TYPES)).getMessage().startsWith("seats: "));

        ConditionRow event = fitted(Kind.EVENT);
        event.setOccurrence(EventOccurrence.WITHIN_LAST_DAYS);
        event.setEventType("PURCHASE");
        assertEquals("WITHIN_LAST_DAYS needs a number of days",
                assertThrows(IllegalArgumentException.class, () -> event.toRule(TYPES)).getMessage());
    }

    @Test
    void savedConditionsComeBackAsTheSameRowsButGroupsDoNot() {
        List<SegmentRule> rules = List.of(
                AttributeCondition.of("plan", Operator.IN, "pro", "business"),
                FieldCondition.ofDays(ContactField.CREATED_AT, Operator.WITHIN_LAST_DAYS, 7),
                new ListMembership(9, true),
                new EventCondition("RENEWAL", EventOccurrence.NEVER, null),
                new SurveyHistory(SurveyCondition.LAST_CATEGORY, NpsCategory.PASSIVE, 90),
                new SurveyHistory(SurveyCondition.SURVEYED_WITHIN_DAYS, null, 30));
        for (SegmentRule rule : rules) {
            ConditionRow row = ConditionRow.of(rule).orElseThrow();
            assertTrue(row.fit(TYPES, LISTS), rule::toString);
            assertEquals(rule, row.toRule(TYPES));
        }
        assertTrue(ConditionRow.of(Group.any(new ListMembership(9, true))).isEmpty());
    }
}
