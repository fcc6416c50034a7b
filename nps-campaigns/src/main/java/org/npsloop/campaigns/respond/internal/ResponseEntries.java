package org.npsloop.campaigns.respond.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;
import org.npsloop.campaigns.respond.ResponseEntryService.EntryInput;
import org.npsloop.domain.audience.Contact;
import org.npsloop.domain.audience.ContactStatus;
import org.npsloop.domain.audience.EmailAddress;
import org.npsloop.domain.campaign.Campaign;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.nps.Score;
import org.npsloop.domain.response.CommentText;
import org.npsloop.domain.response.Response;
import org.npsloop.domain.response.ResponseChannel;
import org.npsloop.domain.validation.Violations;

/**
 * The rules of a typed answer, apart from the database: the lookups are given, so they can be tested
 * alone. Every bad field is named at once; nothing is built when one is wrong.
 */
final class ResponseEntries {

    private ResponseEntries() {
    }

    /**
     * @param contactById   the contact with this id, or null
     * @param contactByEmail the contact with this (normalised) email, or null
     * @param campaignById  the campaign with this id, or null
     */
    static Response build(EntryInput input, String enteredBy, Instant now, Function<Long, Contact> contactById,
            Function<String, Contact> contactByEmail, Function<Long, Campaign> campaignById) {
        Violations violations = new Violations();
        if (input == null) {
            violations.add("contactId", "entry.contact.required");
            violations.add("score", "entry.score.required");
            violations.throwIfAny();
        }
        Contact contact = contact(input, contactById, contactByEmail, violations);
        Score score = input.score() == null ? null : violations.check("score", () -> new Score(input.score()));
        if (input.score() == null) {
            violations.add("score", "entry.score.required");
        }
        String comment = violations.check("comment", () -> CommentText.of(input.comment()));
        ResponseChannel channel = violations.check("channel", () -> channel(input.channel()));
        if (input.respondedAt() == null) {
            violations.add("respondedAt", "entry.respondedAt.required");
        } else if (input.respondedAt().isAfter(now)) {
            violations.add("respondedAt", "entry.respondedAt.future");
        }
        Campaign campaign = null;
        if (input.campaignId() != null) {
            campaign = campaignById.apply(input.campaignId());
            if (campaign == null) {
                violations.add("campaignId", "campaign.notFound", input.campaignId());
            }
        }
        if (enteredBy == null || enteredBy.isBlank()) {
            violations.add("enteredBy", "entry.enteredBy.required");
        }
        violations.throwIfAny();

        Response response = new Response(contact, score, channel, input.respondedAt());
        // Stored now, whenever it was given: updated_at is what the webhook and the report workers watch.
        response.comment(comment, Boolean.TRUE.equals(input.contactConsent()), now);
        response.attributeTo(campaign);
        boolean asked = campaign != null && campaign.getSurvey() != null && campaign.getSurvey().isAskQuoteConsent();
        response.quoteConsent(asked ? Boolean.valueOf(Boolean.TRUE.equals(input.quoteConsent())) : input.quoteConsent(), now);
        response.enteredBy(enteredBy.length() > 100 ? enteredBy.substring(0, 100) : enteredBy);
        return response;
    }

    private static Contact contact(EntryInput input, Function<Long, Contact> byId, Function<String, Contact> byEmail,
            Violations violations) {
        String field = input.contactId() != null ? "contactId" : "email";
        Contact contact;
        if (input.contactId() != null) {
            contact = byId.apply(input.contactId());
            if (contact == null) {
                violations.add(field, "contact.notFound", input.contactId());
                return null;
            }
            if (input.email() != null && !input.email().isBlank()
                    && !input.email().strip().toLowerCase(Locale.ROOT).equals(contact.getEmail().value())) {
                violations.add("email", "entry.email.mismatch", input.contactId());
                return null;
            }
        } else if (input.email() == null || input.email().isBlank()) {
            violations.add("contactId", "entry.contact.required");
            return null;
        } else {
            EmailAddress email = violations.check(field, () -> new EmailAddress(input.email()));
            if (email == null) {
                return null;
            }
            contact = byEmail.apply(email.value());
            if (contact == null) {
                violations.add(field, "contact.email.notFound", email.value());
                return null;
            }
        }
        if (contact.getStatus() == ContactStatus.ERASED) {
            violations.add(field, "entry.contact.erased");
            return null;
        }
        return contact;
    }

    /** PHONE when not given; EMAIL answers come only through score links. */
    static ResponseChannel channel(String value) {
        if (value == null || value.isBlank()) {
            return ResponseChannel.PHONE;
        }
        String name = value.strip().toUpperCase(Locale.ROOT);
        if (ResponseChannel.PHONE.name().equals(name)) {
            return ResponseChannel.PHONE;
        }
        if (ResponseChannel.MANUAL.name().equals(name)) {
            return ResponseChannel.MANUAL;
        }
        throw new InvalidValueException("entry.channel.invalid", String.valueOf(value));
    }
}
