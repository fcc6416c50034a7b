package org.npsloop.domain.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npsloop.domain.segment.Operator.AFTER;
import static org.npsloop.domain.segment.Operator.BEFORE;
import static org.npsloop.domain.segment.Operator.CONTAINS;
import static org.npsloop.domain.segment.Operator.EQUALS;
import static org.npsloop.domain.segment.Operator.GREATER_THAN;
import static org.npsloop.domain.segment.Operator.IN;
import static org.npsloop.domain.segment.Operator.IS_NOT_SET;
import static org.npsloop.domain.segment.Operator.IS_SET;
import static org.npsloop.domain.segment.Operator.IS_TRUE;
import static org.npsloop.domain.segment.Operator.LESS_THAN;
import static org.npsloop.domain.segment.Operator.MORE_THAN_DAYS_AGO;
import static org.npsloop.domain.segment.Operator.NOT_EQUALS;
import static org.npsloop.domain.segment.Operator.WITHIN_LAST_DAYS;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.audience.AttributeType;
import org.npsloop.domain.nps.NpsCategory;

/** The SQL each kind of rule becomes: its shape and its parameters, in order. */
class SegmentSqlTranslatorTest {

    static final Instant NOW = Instant.parse("2025-06-15T12:00:00Z");
    static final AttributeCatalog CATALOG = AttributeCatalog.of(List.of(
            new AttributeRef(1, "plan", AttributeType.TEXT),
            new AttributeRef(2, "seats", AttributeType.NUMBER),
            new AttributeRef(3, "signup_date", AttributeType.DATE),
            new AttributeRef(4, "vip", AttributeType.BOOLEAN)));

    private static final String ATTRIBUTE_A0 = "EXISTS (SELECT 1 FROM contact_attribute a0 WHERE a0.contact_id = c.id AND a0.attribute_id = ? AND ";
    private static final OffsetDateTime NOW_UTC = NOW.atOffset(ZoneOffset.UTC);
    private static final Set<Class<?>> BINDABLE = Set.of(String.class, Long.class, Double.class, Boolean.class,
            LocalDate.class, OffsetDateTime.class);

    private final SegmentSqlTranslator translator = new SegmentSqlTranslator();

    private SqlCondition translate(SegmentRule rule) {
        SqlCondition condition = translator.translate(rule, CATALOG, NOW);
        for (Object parameter : condition.parameters()) {
            assertTrue(BINDABLE.contains(parameter.getClass()), "bindable on H2 and PostgreSQL: " + parameter.getClass());
        }
        return condition;
    }

    private void assertSql(String sql, List<Object> parameters, SegmentRule rule) {
        SqlCondition condition = translate(rule);
        assertEquals(sql, condition.sql());
        assertEquals(parameters, condition.parameters());
    }

    private String translationError(SegmentRule rule) {
        return assertThrows(IllegalArgumentException.class, () -> translator.translate(rule, CATALOG, NOW)).getMessage();
    }

    @Test
    void textEqualsIgnoresCaseOnBothSides() {
        assertSql(ATTRIBUTE_A0 + "LOWER(a0.text_value) = ?)", List.of(1L, "pro"), AttributeCondition.of("plan", EQUALS, "PRO"));
    }

    @Test
    void inListsOnePlaceholderPerValue() {
        assertSql(ATTRIBUTE_A0 + "LOWER(a0.text_value) IN (?, ?, ?))", List.of(1L, "pro", "business", "équipe"),
                AttributeCondition.of("plan", IN, "Pro", "Business", "ÉQUIPE"));
        assertSql(ATTRIBUTE_A0 + "a0.number_value IN (?, ?))", List.of(2L, 5.0, 1234.5), AttributeCondition.of("seats", IN, "5", "1 234,5"));
    }

    @Test
    void notEqualsIsTheNegationOfEqualsSoContactsWithoutAValueMatch() {
        assertSql("NOT " + ATTRIBUTE_A0 + "LOWER(a0.text_value) = ?)", List.of(1L, "pro"), AttributeCondition.of("plan", NOT_EQUALS, "pro"));
        assertSql("NOT " + ATTRIBUTE_A0 + "a0.number_value = ?)", List.of(2L, 10.0), AttributeCondition.of("seats", NOT_EQUALS, "10"));
    }

    @Test
    void containsEscapesTheLikeWildcardsAndTheEscapeCharacter() {
        assertSql(ATTRIBUTE_A0 + "LOWER(a0.text_value) LIKE ? ESCAPE '\\')", List.of(1L, "%50\\%\\_off\\\\x%"),
                AttributeCondition.of("plan", CONTAINS, "50%_OFF\\x"));
        assertEquals("a\\%b\\_c\\\\d", org.npsloop.domain.text.LikePattern.escape("a%b_c\\d"));
    }

    @Test
    void numbersCompareAsDoubles() {
        assertSql(ATTRIBUTE_A0 + "a0.number_value > ?)", List.of(2L, 25.5),
                AttributeCondition.of("seats", GREATER_THAN, "25,5"));
        assertSql(ATTRIBUTE_A0 + "a0.number_value < ?)", List.of(2L, -3.0), AttributeCondition.of("seats", LESS_THAN, "-3"));
    }

    @Test
    void datesCompareWholeDaysAndCountDaysBackFromTodayInUtc() {
        assertSql(ATTRIBUTE_A0 + "a0.date_value = ?)", List.of(3L, LocalDate.of(2025, 12, 31)), AttributeCondition.of("signup_date", EQUALS, "31/12/2025"));
        assertSql(ATTRIBUTE_A0 + "a0.date_value < ?)", List.of(3L, LocalDate.of(2025, 5, 1)), AttributeCondition.of("signup_date", BEFORE, "2025-05-01"));
        assertSql(ATTRIBUTE_A0 + "a0.date_value >= ?)", List.of(3L, LocalDate.of(2025, 5, 2)), AttributeCondition.of("signup_date", AFTER, "2025-05-01"));
        assertSql(ATTRIBUTE_A0 + "a0.date_value BETWEEN ? AND ?)", List.of(3L, LocalDate.of(2025, 5, 16), LocalDate.of(2025, 6, 15)),
                AttributeCondition.ofDays("signup_date", WITHIN_LAST_DAYS, 30));
        assertSql(ATTRIBUTE_A0 + "a0.date_value < ?)", List.of(3L, LocalDate.of(2025, 5, 16)), AttributeCondition.ofDays("signup_date", MORE_THAN_DAYS_AGO, 30));
    }

    @Test
    void todayIsTheUtcDayOfNow() {
        SqlCondition late = translator.translate(AttributeCondition.ofDays("signup_date", MORE_THAN_DAYS_AGO, 1), CATALOG,
                Instant.parse("2025-06-15T23:59:59Z"));
        assertEquals(LocalDate.of(2025, 6, 14), late.parameters().get(1));
    }

    @Test
    void booleansAndPresence() {
        assertSql(ATTRIBUTE_A0 + "a0.boolean_value = ?)", List.of(4L, true), AttributeCondition.of("vip", IS_TRUE));
        assertSql(ATTRIBUTE_A0 + "a0.boolean_value = ?)", List.of(4L, false), AttributeCondition.of("vip", Operator.IS_FALSE));
        assertSql(ATTRIBUTE_A0 + "a0.boolean_value IS NOT NULL)", List.of(4L), AttributeCondition.of("vip", IS_SET));
        assertSql("NOT " + ATTRIBUTE_A0 + "a0.date_value IS NOT NULL)", List.of(3L), AttributeCondition.of("signup_date", IS_NOT_SET));
    }

    @Test
    void textFieldsIgnoreCaseAndNullableOnesMatchNoValueWhenNegated() {
        assertSql("LOWER(c.email) = ?", List.of("ann@example.com"), FieldCondition.of(ContactField.EMAIL, EQUALS, "Ann@Example.com"));
        assertSql("LOWER(c.email) LIKE ? ESCAPE '\\'", List.of("%\\_x%"), FieldCondition.of(ContactField.EMAIL, CONTAINS, "_X"));
        assertSql("NOT (LOWER(c.email) = ?)", List.of("a@b.c"), FieldCondition.of(ContactField.EMAIL, NOT_EQUALS, "a@b.c"));
        assertSql("(c.first_name IS NULL OR NOT (LOWER(c.first_name) = ?))", List.of("ann"),
                FieldCondition.of(ContactField.FIRST_NAME, NOT_EQUALS, "Ann"));
        assertSql("c.last_name IS NOT NULL", List.of(), FieldCondition.of(ContactField.LAST_NAME, IS_SET));
        assertSql("c.last_name IS NULL", List.of(), FieldCondition.of(ContactField.LAST_NAME, IS_NOT_SET));
    }

    @Test
    void codesCompareExactlyAfterNormalisation() {
        assertSql("c.language = ?", List.of("FR"), FieldCondition.of(ContactField.LANGUAGE, EQUALS, "fr"));
        assertSql("c.status IN (?, ?)", List.of("ACTIVE", "BOUNCED"), FieldCondition.of(ContactField.STATUS, IN, "active", "Bounced"));
        assertSql("NOT (c.status = ?)", List.of("ERASED"), FieldCondition.of(ContactField.STATUS, NOT_EQUALS, "ERASED"));
    }

    @Test
    void creationTimeComparesUtcTimestamps() {
        OffsetDateTime may1 = OffsetDateTime.of(2025, 5, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        assertSql("c.created_at < ?", List.of(may1), FieldCondition.of(ContactField.CREATED_AT, BEFORE, "01/05/2025"));
        assertSql("c.created_at >= ?", List.of(may1.plusDays(1)), FieldCondition.of(ContactField.CREATED_AT, AFTER, "2025-05-01"));
        assertSql("c.created_at >= ?", List.of(NOW_UTC.minusDays(7)), FieldCondition.ofDays(ContactField.CREATED_AT, WITHIN_LAST_DAYS, 7));
        assertSql("c.created_at < ?", List.of(NOW_UTC.minusDays(7)), FieldCondition.ofDays(ContactField.CREATED_AT, MORE_THAN_DAYS_AGO, 7));
    }

    @Test
    void listMembership() {
        assertSql("EXISTS (SELECT 1 FROM mailing_list_member m0 WHERE m0.contact_id = c.id AND m0.mailing_list_id = ?)",
                List.of(12L), new ListMembership(12, true));
        assertSql("NOT EXISTS (SELECT 1 FROM mailing_list_member m0 WHERE m0.contact_id = c.id AND m0.mailing_list_id = ?)",
                List.of(12L), new ListMembership(12, false));
    }

    @Test
    void journeyEvents() {
        String purchase = "EXISTS (SELECT 1 FROM journey_event e0 WHERE e0.contact_id = c.id AND e0.type = ?";
        assertSql(purchase + " AND e0.occurred_at >= ?)", List.of("PURCHASE", NOW_UTC.minusDays(7)),
                new EventCondition("purchase", EventOccurrence.WITHIN_LAST_DAYS, 7));
        assertSql(purchase + ")", List.of("PURCHASE"), new EventCondition("PURCHASE", EventOccurrence.EVER, null));
        assertSql("NOT " + purchase + ")", List.of("PURCHASE"), new EventCondition("PURCHASE", EventOccurrence.NEVER, null));
    }

    @Test
    void surveyedMeansAnInvitationWasSent() {
        String sent = "EXISTS (SELECT 1 FROM invitation i0 WHERE i0.contact_id = c.id AND i0.sent_at ";
        assertSql("NOT " + sent + "IS NOT NULL)", List.of(), new SurveyHistory(SurveyCondition.NEVER_SURVEYED, null, null));
        assertSql(sent + ">= ?)", List.of(NOW_UTC.minusDays(90)), new SurveyHistory(SurveyCondition.SURVEYED_WITHIN_DAYS, null, 90));
        assertSql("NOT " + sent + ">= ?)", List.of(NOW_UTC.minusDays(90)), new SurveyHistory(SurveyCondition.NOT_SURVEYED_WITHIN_DAYS, null, 90));
    }

    @Test
    void lastCategoryTakesTheLatestAnswerWithTiesBrokenById() {
        String latest = "(SELECT r0.score FROM response r0 WHERE r0.contact_id = c.id%s"
                + " ORDER BY r0.responded_at DESC, r0.id DESC FETCH FIRST 1 ROWS ONLY) BETWEEN ? AND ?";
        assertSql(String.format(latest, ""), List.of(0L, 6L), SurveyHistory.lastCategory(NpsCategory.DETRACTOR));
        assertSql(String.format(latest, ""), List.of(7L, 8L), SurveyHistory.lastCategory(NpsCategory.PASSIVE));
        assertSql(String.format(latest, " AND r0.responded_at >= ?"), List.of(NOW_UTC.minusDays(30), 9L, 10L),
                new SurveyHistory(SurveyCondition.LAST_CATEGORY, NpsCategory.PROMOTER, 30));
    }

    @Test
    void groupsParenthesiseAndGiveEverySubqueryItsOwnAlias() {
        SegmentRule rule = Group.all(
                AttributeCondition.of("plan", EQUALS, "pro"),
                Group.any(new ListMembership(3, true), AttributeCondition.of("plan", NOT_EQUALS, "free")),
                new EventCondition("RENEWAL", EventOccurrence.EVER, null));
        assertSql("(" + ATTRIBUTE_A0 + "LOWER(a0.text_value) = ?)"
                + " AND (EXISTS (SELECT 1 FROM mailing_list_member m1 WHERE m1.contact_id = c.id AND m1.mailing_list_id = ?)"
                + " OR NOT EXISTS (SELECT 1 FROM contact_attribute a2 WHERE a2.contact_id = c.id AND a2.attribute_id = ? AND LOWER(a2.text_value) = ?))"
                + " AND EXISTS (SELECT 1 FROM journey_event e3 WHERE e3.contact_id = c.id AND e3.type = ?))",
                List.of(1L, "pro", 3L, 1L, "free", "RENEWAL"), rule);
    }

    @Test
    void anEmptyGroupIsTrueForEveryContact() {
        assertSql("1 = 1", List.of(), Group.all());
        assertSql("1 = 1", List.of(), Group.any());
        assertSql("(1 = 1 AND c.last_name IS NULL)", List.of(), Group.all(Group.any(), FieldCondition.of(ContactField.LAST_NAME, IS_NOT_SET)));
    }

    @Test
    void translationIsRepeatable() {
        SegmentRule rule = Group.all(AttributeCondition.of("plan", EQUALS, "pro"), AttributeCondition.of("seats", GREATER_THAN, "1"));
        assertEquals(translate(rule), translate(rule), "aliases restart at each translation");
    }

    @Test
    void valuesAreNeverWrittenIntoTheSql() {
        String hostile = "x' OR '1'='1";
        List<SegmentRule> rules = new ArrayList<>();
        for (Operator operator : List.of(EQUALS, NOT_EQUALS, IN, CONTAINS)) {
            rules.add(AttributeCondition.of("plan", operator, hostile));
            rules.add(FieldCondition.of(ContactField.LAST_NAME, operator, hostile));
        }
        SqlCondition condition = translate(Group.any(rules.toArray(SegmentRule[]::new)));
        assertFalse(condition.sql().contains("'1'"), condition.sql());
        assertEquals(8, condition.parameters().stream().filter(p -> p.toString().contains("' or '1'='1")).count());
    }

    @Test
    void unknownAttribute() {
        assertEquals("Unknown attribute 'country'", translationError(AttributeCondition.of("country", EQUALS, "FR")));
        assertEquals("Unknown attribute 'country'", translationError(Group.all(Group.any(AttributeCondition.of("Country", IS_SET)))));
    }

    @Test
    void operatorMustSuitTheAttributeType() {
        assertEquals("GREATER_THAN applies to numbers, not to plan (TEXT)", translationError(AttributeCondition.of("plan", GREATER_THAN, "3")));
        assertEquals("CONTAINS applies to text, not to seats (NUMBER)", translationError(AttributeCondition.of("seats", CONTAINS, "3")));
        assertEquals("EQUALS applies to text, numbers or dates, not to vip (BOOLEAN)", translationError(AttributeCondition.of("vip", EQUALS, "oui")));
        assertEquals("IS_TRUE applies to yes/no values, not to signup_date (DATE)", translationError(AttributeCondition.of("signup_date", IS_TRUE)));
        assertEquals("WITHIN_LAST_DAYS applies to dates, not to seats (NUMBER)", translationError(AttributeCondition.ofDays("seats", WITHIN_LAST_DAYS, 3)));
    }

    @Test
    void valuesMustParseAsTheAttributeType() {
        assertEquals("seats: not a number: abc", translationError(AttributeCondition.of("seats", GREATER_THAN, "abc")));
        assertEquals("signup_date: not a date (expected 2025-12-31 or 31/12/2025): 31-31",
                translationError(AttributeCondition.of("signup_date", BEFORE, "31-31")));
        assertEquals("seats: not a number: two", translationError(AttributeCondition.of("seats", IN, "1", "two")));
    }

    @Test
    void placeholdersAndParametersMustAgree() {
        assertThrows(IllegalArgumentException.class, () -> new SqlCondition("c.id = ?", List.of()));
        assertThrows(NullPointerException.class, () -> new SqlCondition("c.id = ?", Arrays.asList((Object) null)));
    }
}
