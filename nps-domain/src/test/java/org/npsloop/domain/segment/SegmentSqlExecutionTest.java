package org.npsloop.domain.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;
import static org.npsloop.domain.segment.ContactField.CREATED_AT;
import static org.npsloop.domain.segment.ContactField.EMAIL;
import static org.npsloop.domain.segment.ContactField.FIRST_NAME;
import static org.npsloop.domain.segment.ContactField.LANGUAGE;
import static org.npsloop.domain.segment.ContactField.LAST_NAME;
import static org.npsloop.domain.segment.ContactField.STATUS;
import static org.npsloop.domain.segment.Operator.AFTER;
import static org.npsloop.domain.segment.Operator.BEFORE;
import static org.npsloop.domain.segment.Operator.CONTAINS;
import static org.npsloop.domain.segment.Operator.EQUALS;
import static org.npsloop.domain.segment.Operator.GREATER_THAN;
import static org.npsloop.domain.segment.Operator.IN;
import static org.npsloop.domain.segment.Operator.IS_FALSE;
import static org.npsloop.domain.segment.Operator.IS_NOT_SET;
import static org.npsloop.domain.segment.Operator.IS_SET;
import static org.npsloop.domain.segment.Operator.IS_TRUE;
import static org.npsloop.domain.segment.Operator.LESS_THAN;
import static org.npsloop.domain.segment.Operator.MORE_THAN_DAYS_AGO;
import static org.npsloop.domain.segment.Operator.NOT_EQUALS;
import static org.npsloop.domain.segment.Operator.WITHIN_LAST_DAYS;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.npsloop.domain.nps.NpsCategory;

/**
 * The translated SQL run on the real schema (Flyway migrations on in-memory H2) over a hand-built
 * population of twelve contacts, each rule's expected contacts worked out by hand below. Every rule
 * also goes through its JSON form first, as saved segments do.
 */
class SegmentSqlExecutionTest {

    private static final OffsetDateTime NOW = SegmentSqlTranslatorTest.NOW.atOffset(ZoneOffset.UTC);
    private static final List<Long> EVERYONE = LongStream.rangeClosed(1, 12).boxed().toList();

    private static Connection connection;

    @BeforeAll
    static void createPopulation() throws SQLException {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        connection = DriverManager.getConnection(url, "sa", "");

        // id, email, first name, last name, language, status, created
        contact(1, "alice@example.com", "Alice", "Martin", "FR", "ACTIVE", at("2025-06-10T09:00:00Z"));
        contact(2, "bob@example.com", "Bob", "Durand", "EN", "ACTIVE", at("2025-01-15T10:00:00Z"));
        contact(3, "chloe@example.org", "Chloé", "Bernard", "FR", "ACTIVE", at("2025-01-01T00:30:00+01:00")); // 2024 in UTC
        contact(4, "david@example.com", "David", null, "EN", "UNSUBSCRIBED", at("2025-06-14T08:00:00Z"));
        contact(5, "emma@sample.net", "Emma", "Petit", "FR", "BOUNCED", at("2023-03-01T12:00:00Z"));
        contact(6, "franck@example.com", null, null, "FR", "ACTIVE", at("2025-05-01T12:00:00Z"));
        contact(7, "gina@example.com", "Gina", "Rossi", "EN", "ACTIVE", at("2025-06-01T12:00:00Z"));
        contact(8, "hugo@example.com", "Hugo", "Moreau", "FR", "ERASED", at("2024-06-15T12:00:00Z"));
        contact(9, "ines_100%@example.com", "Inès", "Laurent", "FR", "ACTIVE", at("2025-02-02T12:00:00Z"));
        contact(10, "jules.s1100x@example.com", "Jules", "Leroy", "EN", "ACTIVE", at("2025-03-03T12:00:00Z")); // a LIKE trap
        contact(11, "kim@example.com", "Kim", "Nguyen", "EN", "ACTIVE", at("2025-04-04T12:00:00Z"));
        contact(12, "leo@example.com", "Léo", "Fabre", "FR", "ACTIVE", NOW.minusDays(7)); // exactly 7 days ago

        execute("INSERT INTO attribute_definition (id, name, type, created_at) VALUES "
                + "(1, 'plan', 'TEXT', CURRENT_TIMESTAMP), (2, 'seats', 'NUMBER', CURRENT_TIMESTAMP), "
                + "(3, 'signup_date', 'DATE', CURRENT_TIMESTAMP), (4, 'vip', 'BOOLEAN', CURRENT_TIMESTAMP)");
        execute("INSERT INTO contact_attribute (contact_id, attribute_id, text_value) VALUES "
                + "(1, 1, 'Pro'), (2, 1, 'pro'), (3, 1, 'Business'), (4, 1, 'free'), (5, 1, 'PRO'), "
                + "(6, 1, 'promo_50%'), (7, 1, 'promox50 big'), (11, 1, NULL)");
        execute("INSERT INTO contact_attribute (contact_id, attribute_id, number_value) VALUES "
                + "(1, 2, 10), (2, 2, 25.5), (3, 2, 100), (5, 2, 3), (7, 2, 50)");
        execute("INSERT INTO contact_attribute (contact_id, attribute_id, date_value) VALUES "
                + "(1, 3, DATE '2025-06-01'), (2, 3, DATE '2025-05-16'), (3, 3, DATE '2024-01-01'), "
                + "(4, 3, DATE '2025-07-01'), (6, 3, DATE '2025-05-15')");
        execute("INSERT INTO contact_attribute (contact_id, attribute_id, boolean_value) VALUES "
                + "(1, 4, TRUE), (2, 4, FALSE), (3, 4, TRUE), (12, 4, FALSE)");

        execute("INSERT INTO mailing_list (id, name, created_at, updated_at, version) VALUES "
                + "(100, 'Newsletter', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0), (200, 'Beta', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
        execute("INSERT INTO mailing_list_member (mailing_list_id, contact_id) VALUES (100, 1), (100, 2), (100, 3), (100, 7), (200, 3), (200, 12)");

        event(1, 1, "PURCHASE", NOW.minusDays(2));
        event(2, 2, "PURCHASE", NOW.minusDays(10));
        event(3, 3, "PURCHASE", NOW.minusDays(40));
        event(4, 7, "PURCHASE", NOW.minusDays(7).plusHours(1));
        event(5, 4, "ONBOARDING", NOW.minusDays(1));
        event(6, 11, "PURCHASE", NOW.minusDays(7).minusMinutes(1));

        execute("INSERT INTO survey (id, name, brand_name, created_at, updated_at, version) "
                + "VALUES (1, 'Relationship', 'Acme', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
        execute("INSERT INTO campaign (id, name, survey_id, kind, status, time_zone, created_at, updated_at, version) "
                + "VALUES (1, 'Q2', 1, 'ONE_OFF', 'SENDING', 'Europe/Paris', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
        // id, contact, sent (null: planned, not sent)
        invitation(1, 1, NOW.minusDays(3));
        invitation(2, 1, NOW.minusDays(101));
        invitation(3, 2, NOW.minusDays(20));
        invitation(4, 3, NOW.minusDays(60));
        invitation(5, 4, null);
        invitation(6, 7, NOW.minusDays(5));
        invitation(7, 5, NOW.minusDays(400));
        invitation(8, 6, NOW.minusDays(30).minusHours(1));
        // id, invitation, contact, score, answered
        response(1, 1L, 1L, 3, NOW.minusDays(2));
        response(2, 2L, 1L, 10, NOW.minusDays(100));
        response(3, 3L, 2L, 8, NOW.minusDays(19));
        response(4, 4L, 3L, 2, NOW.minusDays(59));
        response(5, null, 3L, 9, NOW.minusDays(59)); // same moment as 4: the higher id is the latest
        response(6, 7L, 5L, 10, NOW.minusDays(399));
        response(7, null, 12L, 6, NOW.minusDays(1));
        response(8, null, null, 0, NOW.minusDays(1)); // anonymous
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                // Text attributes: case-insensitive; negations include contacts without a value.
                argumentSet("plan EQUALS pro, ignoring case", AttributeCondition.of("plan", EQUALS, "pro"), ids(1, 2, 5)),
                argumentSet("plan NOT_EQUALS PRO, with the contacts that have no plan",
                        AttributeCondition.of("plan", NOT_EQUALS, "PRO"), ids(3, 4, 6, 7, 8, 9, 10, 11, 12)),
                argumentSet("plan IN", AttributeCondition.of("plan", IN, "business", "FREE"), ids(3, 4)),
                argumentSet("plan CONTAINS PRO", AttributeCondition.of("plan", CONTAINS, "PRO"), ids(1, 2, 5, 6, 7)),
                argumentSet("plan CONTAINS o_50%: the wildcards are literal", AttributeCondition.of("plan", CONTAINS, "o_50%"), ids(6)),
                argumentSet("plan IS_SET: a row with no value is not set", AttributeCondition.of("plan", IS_SET), ids(1, 2, 3, 4, 5, 6, 7)),
                argumentSet("plan IS_NOT_SET", AttributeCondition.of("plan", IS_NOT_SET), ids(8, 9, 10, 11, 12)),
                // Numbers.
                argumentSet("seats GREATER_THAN 25", AttributeCondition.of("seats", GREATER_THAN, "25"), ids(2, 3, 7)),
                argumentSet("seats LESS_THAN 25,5 (French decimal)", AttributeCondition.of("seats", LESS_THAN, "25,5"), ids(1, 5)),
                argumentSet("seats EQUALS 25.5", AttributeCondition.of("seats", EQUALS, "25.5"), ids(2)),
                argumentSet("seats IN", AttributeCondition.of("seats", IN, "3", "100"), ids(3, 5)),
                argumentSet("seats NOT_EQUALS 10", AttributeCondition.of("seats", NOT_EQUALS, "10"), ids(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)),
                // Dates: today is 2025-06-15, 30 days ago 2025-05-16.
                argumentSet("signup_date EQUALS", AttributeCondition.of("signup_date", EQUALS, "2025-06-01"), ids(1)),
                argumentSet("signup_date BEFORE 2025-05-16", AttributeCondition.of("signup_date", BEFORE, "2025-05-16"), ids(3, 6)),
                argumentSet("signup_date AFTER 16/05/2025", AttributeCondition.of("signup_date", AFTER, "16/05/2025"), ids(1, 4)),
                argumentSet("signup_date WITHIN_LAST_DAYS 30: the boundary day in, the future out",
                        AttributeCondition.ofDays("signup_date", WITHIN_LAST_DAYS, 30), ids(1, 2)),
                argumentSet("signup_date MORE_THAN_DAYS_AGO 30", AttributeCondition.ofDays("signup_date", MORE_THAN_DAYS_AGO, 30), ids(3, 6)),
                argumentSet("signup_date IS_NOT_SET", AttributeCondition.of("signup_date", IS_NOT_SET), ids(5, 7, 8, 9, 10, 11, 12)),
                // Booleans: no value is neither true nor false.
                argumentSet("vip IS_TRUE", AttributeCondition.of("vip", IS_TRUE), ids(1, 3)),
                argumentSet("vip IS_FALSE", AttributeCondition.of("vip", IS_FALSE), ids(2, 12)),
                argumentSet("vip IS_NOT_SET", AttributeCondition.of("vip", IS_NOT_SET), ids(4, 5, 6, 7, 8, 9, 10, 11)),
                // Contact fields.
                argumentSet("EMAIL EQUALS, ignoring case", FieldCondition.of(EMAIL, EQUALS, "ALICE@Example.com"), ids(1)),
                argumentSet("EMAIL CONTAINS S_100%: the wildcards are literal", FieldCondition.of(EMAIL, CONTAINS, "S_100%"), ids(9)),
                argumentSet("EMAIL NOT_EQUALS", FieldCondition.of(EMAIL, NOT_EQUALS, "bob@example.com"), ids(1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)),
                argumentSet("FIRST_NAME EQUALS CHLOÉ", FieldCondition.of(FIRST_NAME, EQUALS, "CHLOÉ"), ids(3)),
                argumentSet("FIRST_NAME NOT_EQUALS alice, with the contact without a first name",
                        FieldCondition.of(FIRST_NAME, NOT_EQUALS, "alice"), ids(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)),
                argumentSet("LAST_NAME IN", FieldCondition.of(LAST_NAME, IN, "martin", "PETIT"), ids(1, 5)),
                argumentSet("LAST_NAME IS_NOT_SET", FieldCondition.of(LAST_NAME, IS_NOT_SET), ids(4, 6)),
                argumentSet("LAST_NAME IS_SET", FieldCondition.of(LAST_NAME, IS_SET), ids(1, 2, 3, 5, 7, 8, 9, 10, 11, 12)),
                argumentSet("LANGUAGE EQUALS fr", FieldCondition.of(LANGUAGE, EQUALS, "fr"), ids(1, 3, 5, 6, 8, 9, 12)),
                argumentSet("STATUS IN", FieldCondition.of(STATUS, IN, "UNSUBSCRIBED", "bounced"), ids(4, 5)),
                argumentSet("STATUS NOT_EQUALS ACTIVE", FieldCondition.of(STATUS, NOT_EQUALS, "ACTIVE"), ids(4, 5, 8)),
                argumentSet("CREATED_AT BEFORE 2025-01-01 (UTC)", FieldCondition.of(CREATED_AT, BEFORE, "2025-01-01"), ids(3, 5, 8)),
                argumentSet("CREATED_AT AFTER 2025-06-08", FieldCondition.of(CREATED_AT, AFTER, "2025-06-08"), ids(1, 4)),
                argumentSet("CREATED_AT WITHIN_LAST_DAYS 7, the boundary moment in",
                        FieldCondition.ofDays(CREATED_AT, WITHIN_LAST_DAYS, 7), ids(1, 4, 12)),
                argumentSet("CREATED_AT MORE_THAN_DAYS_AGO 7", FieldCondition.ofDays(CREATED_AT, MORE_THAN_DAYS_AGO, 7), ids(2, 3, 5, 6, 7, 8, 9, 10, 11)),
                // Lists and events.
                argumentSet("member of list 100", new ListMembership(100, true), ids(1, 2, 3, 7)),
                argumentSet("not a member of list 100", new ListMembership(100, false), ids(4, 5, 6, 8, 9, 10, 11, 12)),
                argumentSet("PURCHASE WITHIN_LAST_DAYS 7", new EventCondition("purchase", EventOccurrence.WITHIN_LAST_DAYS, 7), ids(1, 7)),
                argumentSet("PURCHASE EVER", new EventCondition("PURCHASE", EventOccurrence.EVER, null), ids(1, 2, 3, 7, 11)),
                argumentSet("PURCHASE NEVER", new EventCondition("PURCHASE", EventOccurrence.NEVER, null), ids(4, 5, 6, 8, 9, 10, 12)),
                argumentSet("RENEWAL EVER", new EventCondition("RENEWAL", EventOccurrence.EVER, null), ids()),
                // Survey history.
                argumentSet("last answer DETRACTOR", SurveyHistory.lastCategory(NpsCategory.DETRACTOR), ids(1, 12)),
                argumentSet("last answer PASSIVE", SurveyHistory.lastCategory(NpsCategory.PASSIVE), ids(2)),
                argumentSet("last answer PROMOTER, ties broken by id", SurveyHistory.lastCategory(NpsCategory.PROMOTER), ids(3, 5)),
                argumentSet("last answer PROMOTER in the last 90 days",
                        new SurveyHistory(SurveyCondition.LAST_CATEGORY, NpsCategory.PROMOTER, 90), ids(3)),
                argumentSet("last answer DETRACTOR in the last day", new SurveyHistory(SurveyCondition.LAST_CATEGORY, NpsCategory.DETRACTOR, 1), ids(12)),
                argumentSet("never surveyed: a planned invitation does not count",
                        new SurveyHistory(SurveyCondition.NEVER_SURVEYED, null, null), ids(4, 8, 9, 10, 11, 12)),
                argumentSet("surveyed within 30 days", new SurveyHistory(SurveyCondition.SURVEYED_WITHIN_DAYS, null, 30), ids(1, 2, 7)),
                argumentSet("not surveyed within 30 days", new SurveyHistory(SurveyCondition.NOT_SURVEYED_WITHIN_DAYS, null, 30),
                        ids(3, 4, 5, 6, 8, 9, 10, 11, 12)),
                // Groups.
                argumentSet("empty ALL group: everyone", Group.all(), EVERYONE),
                argumentSet("empty ANY group: everyone", Group.any(), EVERYONE),
                argumentSet("ALL: plan pro and French", Group.all(AttributeCondition.of("plan", EQUALS, "pro"), FieldCondition.of(LANGUAGE, EQUALS, "FR")),
                        ids(1, 5)),
                argumentSet("ANY: list 200 or onboarded",
                        Group.any(new ListMembership(200, true), new EventCondition("ONBOARDING", EventOccurrence.EVER, null)), ids(3, 4, 12)),
                argumentSet("ALL on one attribute twice", Group.all(AttributeCondition.of("plan", CONTAINS, "pro"), AttributeCondition.of("plan", NOT_EQUALS, "pro")),
                        ids(6, 7)),
                argumentSet("ALL: active, (detractor or never surveyed), not on list 100",
                        Group.all(FieldCondition.of(STATUS, EQUALS, "ACTIVE"),
                                Group.any(SurveyHistory.lastCategory(NpsCategory.DETRACTOR), new SurveyHistory(SurveyCondition.NEVER_SURVEYED, null, null)),
                                new ListMembership(100, false)),
                        ids(9, 10, 11, 12)),
                argumentSet("three levels: ((seats > 25 and EN) or (vip and new)) and purchased",
                        Group.all(
                                Group.any(
                                        Group.all(AttributeCondition.of("seats", GREATER_THAN, "25"), FieldCondition.of(LANGUAGE, EQUALS, "EN")),
                                        Group.all(AttributeCondition.of("vip", IS_TRUE), FieldCondition.ofDays(CREATED_AT, WITHIN_LAST_DAYS, 7))),
                                new EventCondition("PURCHASE", EventOccurrence.EVER, null)),
                        ids(1, 2, 7)),
                argumentSet("ANY with an empty group: everyone", Group.any(Group.all(), AttributeCondition.of("vip", IS_TRUE)), EVERYONE));
    }

    @ParameterizedTest
    @MethodSource("rules")
    void selectsExactlyTheExpectedContacts(SegmentRule rule, List<Long> expected) throws SQLException {
        SegmentRule saved = SegmentJson.fromJson(SegmentJson.toJson(rule));
        SqlCondition condition = new SegmentSqlTranslator().translate(saved, SegmentSqlTranslatorTest.CATALOG, NOW.toInstant());
        assertEquals(expected, query("SELECT c.id FROM contact c WHERE " + condition.sql() + " ORDER BY c.id", condition.parameters()),
                condition.sql());
        assertEquals(List.of((long) expected.size()), query("SELECT COUNT(*) FROM contact c WHERE " + condition.sql(), condition.parameters()));
    }

    /** The sizes of many segments from one query: each column is what counting that rule alone gives. */
    @Test
    void oneQueryCountsEveryRuleAtOnce() throws SQLException {
        List<Arguments> all = rules().toList();
        List<SqlCondition> conditions = all.stream().map(a -> new SegmentSqlTranslator()
                .translate((SegmentRule) a.get()[0], SegmentSqlTranslatorTest.CATALOG, NOW.toInstant())).toList();
        SqlCondition.Counting counting = SqlCondition.countEach(conditions);
        try (PreparedStatement statement = connection.prepareStatement(counting.sql())) {
            for (int i = 0; i < counting.parameters().size(); i++) {
                statement.setObject(i + 1, counting.parameters().get(i));
            }
            try (ResultSet row = statement.executeQuery()) {
                assertTrue(row.next());
                for (int i = 0; i < all.size(); i++) {
                    assertEquals(((List<?>) all.get(i).get()[1]).size(), row.getLong(i + 1), "rule " + i);
                }
            }
        }
    }

    /** Without the escaping, the LIKE tests above would select more: the population sets a real trap. */
    @Test
    void theWildcardTrapsAreReal() throws SQLException {
        assertEquals(ids(9, 10), query("SELECT c.id FROM contact c WHERE LOWER(c.email) LIKE ? ORDER BY c.id", List.of("%s_100%%")));
        assertEquals(ids(6, 7), query("SELECT a.contact_id FROM contact_attribute a WHERE LOWER(a.text_value) LIKE ? ORDER BY 1",
                List.of("%o_50%%")));
    }

    private static List<Long> query(String sql, List<Object> parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        }
    }

    private static List<Long> ids(long... ids) {
        return LongStream.of(ids).boxed().toList();
    }

    private static OffsetDateTime at(String moment) {
        return OffsetDateTime.parse(moment);
    }

    private static void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void insert(String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    private static void contact(long id, String email, String firstName, String lastName, String language, String status,
            OffsetDateTime created) throws SQLException {
        insert("INSERT INTO contact (id, email, first_name, last_name, language, status, created_at, updated_at, version) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)", id, email, firstName, lastName, language, status, created, created);
    }

    private static void event(long id, long contactId, String type, OffsetDateTime occurred) throws SQLException {
        insert("INSERT INTO journey_event (id, contact_id, type, occurred_at, created_at) VALUES (?, ?, ?, ?, ?)",
                id, contactId, type, occurred, occurred);
    }

    private static void invitation(long id, long contactId, OffsetDateTime sent) throws SQLException {
        insert("INSERT INTO invitation (id, campaign_id, contact_id, wave, kind, status, token_hash, due_at, sent_at, attempts, created_at, version) "
                + "VALUES (?, 1, ?, ?, 'INITIAL', ?, ?, ?, ?, 0, ?, 0)",
                id, contactId, (int) id, sent == null ? "PENDING" : "SENT", "token" + id, NOW.minusDays(500), sent, NOW.minusDays(500));
    }

    private static void response(long id, Long invitationId, Long contactId, int score, OffsetDateTime answered) throws SQLException {
        insert("INSERT INTO response (id, invitation_id, contact_id, campaign_id, score, contact_consent, channel, responded_at, updated_at, version) "
                + "VALUES (?, ?, ?, 1, ?, FALSE, 'EMAIL', ?, ?, 0)", id, invitationId, contactId, score, answered, answered);
    }
}
