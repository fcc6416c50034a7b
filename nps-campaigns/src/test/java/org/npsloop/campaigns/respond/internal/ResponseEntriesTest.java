package org.npsloop.campaigns.respond.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.npsloop.campaigns.respond.ResponseEntryService.EntryInput;
import org.npsloop.domain.audience.Contact;
import org.npsloop.domain.audience.EmailAddress;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.campaign.Campaign;
import org.npsloop.domain.campaign.CampaignKind;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.response.CommentText;
import org.npsloop.domain.response.Response;
import org.npsloop.domain.response.ResponseChannel;
import org.npsloop.domain.survey.Survey;
import org.npsloop.domain.validation.FieldError;
import org.npsloop.domain.validation.InvalidInputException;

class ResponseEntriesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant CALL = Instant.parse("2026-11-21T16:30:00Z");

    private final Contact zoe = new Contact(new EmailAddress("zoe@exemple.fr"), Language.FR, NOW);
    private final Contact erased = erased();
    private final Campaign campaign = new Campaign("Onboarding", new Survey("Relationship", "Acme", NOW),
            CampaignKind.ONE_OFF, ZoneId.of("Europe/Paris"), NOW);

    private static Contact erased() {
        Contact contact = new Contact(new EmailAddress("gone@exemple.fr"), Language.EN, NOW);
        contact.erase(NOW);
        return contact;
    }

    private Response build(EntryInput input) {
        return ResponseEntries.build(input, "marie", NOW,
                id -> id == 1L ? zoe : id == 2L ? erased : null,
                email -> "zoe@exemple.fr".equals(email) ? zoe : null,
                id -> id == 7L ? campaign : null);
    }

    private Map<String, String> refused(EntryInput input) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> build(input));
        return e.errors().stream().collect(Collectors.toMap(FieldError::field, FieldError::message));
    }

    @Test
    void aPhoneAnswerByEmailWithCommentConsentAndCampaign() {
        Response response = build(new EntryInput(null, " Zoe@Exemple.fr ", 9, "  Très bon accueil  ", true, "phone", CALL, 7L, null));

        assertSame(zoe, response.getContact());
        assertEquals(9, response.getScore().value());
        assertEquals(NpsCategory.PROMOTER, response.getCategory());
        assertEquals("Très bon accueil", response.getComment());
        assertTrue(response.isContactConsent());
        assertEquals(ResponseChannel.PHONE, response.getChannel());
        assertEquals(CALL, response.getRespondedAt());
        assertEquals(NOW, response.getUpdatedAt(), "stamped when typed, so that change watchers (webhook) see it");
        assertSame(campaign, response.getCampaign());
        assertEquals("marie", response.getEnteredBy());
        assertNull(response.getInvitation());
        assertFalse(response.isFlagged());
    }

    @Test
    void theQuoteConsentIsANoUnlessGivenWhereTheSurveyAsksItAndAsGivenElsewhere() {
        assertNull(build(new EntryInput(1L, null, 9, "Bien", true, "PHONE", CALL, 7L, null)).getQuoteConsent(), "not asked");
        assertEquals(Boolean.FALSE, build(new EntryInput(1L, null, 9, "Bien", true, "PHONE", CALL, null, false)).getQuoteConsent(),
                "an explicit no is kept, asked or not");
        campaign.getSurvey().askQuoteConsent(true, NOW);
        assertEquals(Boolean.FALSE, build(new EntryInput(1L, null, 9, "Bien", true, "PHONE", CALL, 7L, null)).getQuoteConsent(),
                "the survey asks it: no answer is a no");
        assertEquals(Boolean.TRUE, build(new EntryInput(1L, null, 9, "Bien", true, "PHONE", CALL, 7L, true)).getQuoteConsent());
    }

    @Test
    void byIdTheChannelDefaultsToPhoneAndBlankCommentsAreNone() {
        Response response = build(new EntryInput(1L, null, 0, "   ", null, null, CALL, null, null));

        assertSame(zoe, response.getContact());
        assertEquals(ResponseChannel.PHONE, response.getChannel());
        assertEquals(NpsCategory.DETRACTOR, response.getCategory());
        assertNull(response.getComment());
        assertFalse(response.isContactConsent());
        assertNull(response.getCampaign());
    }

    @Test
    void manualIsAcceptedEmailIsNot() {
        assertEquals(ResponseChannel.MANUAL, build(new EntryInput(1L, null, 7, null, false, "MANUAL", CALL, null, null)).getChannel());
        assertEquals(Map.of("channel", "PHONE or MANUAL (email answers come through the survey links), not EMAIL"),
                refused(new EntryInput(1L, null, 7, null, false, "EMAIL", CALL, null, null)));
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        Map<String, String> errors = refused(new EntryInput(null, "nobody@exemple.fr", 11, "x".repeat(10_001), true,
                "fax", NOW.plusSeconds(60), 99L, null));

        assertEquals(java.util.Set.of("email", "score", "comment", "channel", "respondedAt", "campaignId"), errors.keySet(),
                errors.toString());
        assertEquals("no contact with email nobody@exemple.fr", errors.get("email"));
        assertEquals("An NPS score must be a whole number from 0 to 10; got 11", errors.get("score"));
        assertEquals("cannot be in the future", errors.get("respondedAt"));
        assertEquals("no campaign with id 99", errors.get("campaignId"));
    }

    @Test
    void aPhoneCommentFollowsTheSharedCommentRule() {
        String emojis = "\uD83D\uDE00".repeat(CommentText.MAX_LENGTH);
        assertEquals(emojis, build(new EntryInput(1L, null, 9, emojis, false, "PHONE", CALL, null, null)).getComment(),
                "2,000 emojis are 2,000 characters, not 4,000");
        assertEquals(Map.of("comment", "longer than 2000 characters"),
                refused(new EntryInput(1L, null, 9, "x".repeat(CommentText.MAX_LENGTH + 1), false, "PHONE", CALL, null, null)));
        assertEquals("Bon\taccueil", build(new EntryInput(1L, null, 9, "Bon\u0000\taccueil\u000b\uFFFF\uD800", false, "PHONE",
                CALL, null, null)).getComment(), "characters an XML document cannot hold are removed");
    }

    @Test
    void missingFieldsAreRequired() {
        Map<String, String> errors = refused(new EntryInput(null, null, null, null, null, null, null, null, null));

        assertEquals(java.util.Set.of("contactId", "score", "respondedAt"), errors.keySet(), errors.toString());
        assertEquals("required: contactId or email", errors.get("contactId"));
    }

    @Test
    void erasedUnknownAndMismatchedContactsAreRefused() {
        assertEquals(Map.of("contactId", "this contact was erased (GDPR): no answer can be linked to them"),
                refused(new EntryInput(2L, null, 5, null, false, "PHONE", CALL, null, null)));
        assertEquals(Map.of("contactId", "no contact with id 3"), refused(new EntryInput(3L, null, 5, null, false, "PHONE", CALL, null, null)));
        assertEquals(Map.of("email", "does not match the contact with id 1"),
                refused(new EntryInput(1L, "other@exemple.fr", 5, null, false, "PHONE", CALL, null, null)));
        assertTrue(refused(new EntryInput(null, "not-an-email", 5, null, false, "PHONE", CALL, null, null)).containsKey("email"));
    }

    @Test
    void nowItselfIsNotTheFutureAndASignedInUserIsNeeded() {
        assertEquals(NOW, build(new EntryInput(1L, null, 8, null, false, "PHONE", NOW, null, null)).getRespondedAt());
        InvalidInputException anonymous = assertThrows(InvalidInputException.class, () -> ResponseEntries.build(
                new EntryInput(1L, null, 8, null, false, "PHONE", CALL, null, null), null, NOW, id -> zoe, e -> zoe, id -> null));
        assertEquals("enteredBy", anonymous.errors().get(0).field());
    }
}
