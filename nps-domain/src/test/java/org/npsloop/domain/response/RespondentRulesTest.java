package org.npsloop.domain.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.npsloop.domain.audience.Contact;
import org.npsloop.domain.audience.EmailAddress;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.nps.InvalidScoreException;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.nps.Score;
import org.npsloop.domain.survey.Survey;

/** Expiry of links, scanner detection and the latest-answer-wins rule. */
class RespondentRulesTest {

    private static final Instant SENT = Instant.parse("2026-11-22T10:00:00Z");
    private static final Duration BOT = Duration.ofSeconds(5);

    @Test
    void aLinkWorksFromSendingUntilItsLifetimeEndsOrTheSurveyCloses() {
        Survey survey = new Survey("Q4", "Acme", SENT);
        survey.linkLifetime(10, SENT);
        assertEquals(LinkStatus.UNKNOWN, LinkStatus.of(survey, null, SENT), "never sent: nobody has the token");
        assertEquals(LinkStatus.OPEN, LinkStatus.of(survey, SENT, SENT.plus(Duration.ofDays(10)).minusSeconds(1)));
        assertEquals(LinkStatus.EXPIRED, LinkStatus.of(survey, SENT, SENT.plus(Duration.ofDays(10))));
        survey.closeAt(SENT.plus(Duration.ofDays(2)), SENT);
        assertEquals(LinkStatus.OPEN, LinkStatus.of(survey, SENT, SENT.plus(Duration.ofDays(1))));
        assertEquals(LinkStatus.CLOSED, LinkStatus.of(survey, SENT, SENT.plus(Duration.ofDays(2))));
        assertTrue(LinkStatus.CLOSED.isGone() && LinkStatus.EXPIRED.isGone());
        assertFalse(LinkStatus.OPEN.isGone() || LinkStatus.UNKNOWN.isGone());
    }

    @Test
    void aClickSecondsAfterSendingOrSeveralLinksWithinASecondLookLikeAScanner() {
        assertEquals(Optional.of("score link opened 2 s after sending"),
                BotSuspicion.ofClick(SENT, null, null, 9, SENT.plusSeconds(2), BOT));
        assertEquals(Optional.empty(), BotSuspicion.ofClick(SENT, null, null, 9, SENT.plusSeconds(5), BOT));
        Instant later = SENT.plusSeconds(3600);
        assertEquals(Optional.of("several score links opened within a second"),
                BotSuspicion.ofClick(SENT, later, 0, 1, later.plusMillis(300), BOT));
        assertEquals(Optional.empty(), BotSuspicion.ofClick(SENT, later, 0, 1, later.plusMillis(1000), BOT),
                "a second apart: a person may change their mind");
        assertEquals(Optional.empty(), BotSuspicion.ofClick(SENT, later, 7, 7, later.plusMillis(100), BOT),
                "the same link twice (a double click) is no scanner sign");
        assertEquals(Optional.empty(), BotSuspicion.ofClick(SENT, null, null, 9, SENT, Duration.ZERO), "0 turns it off");
    }

    @Test
    void anAnswerIsSuspectedByWhatHappenedAtItNeverByTheScannerClicksBeforeIt() {
        Optional<PageInteraction> noScript = Optional.empty();
        assertEquals(Optional.of("answered 4 s after sending"), BotSuspicion.ofAnswer(SENT, SENT.plusSeconds(4), BOT, noScript));
        Instant twoMinutes = SENT.plusSeconds(120);
        assertEquals(Optional.empty(), BotSuspicion.ofAnswer(SENT, twoMinutes, BOT, noScript),
                "the button of the page without JavaScript, minutes after sending: a person, whatever scanners clicked before");
        assertEquals(Optional.empty(), BotSuspicion.ofAnswer(SENT, twoMinutes, BOT, PageInteraction.parse("0:1502")),
                "sent by the page's own timer after 1.5 s: the person's click in the mail");
        assertEquals(Optional.empty(), BotSuspicion.ofAnswer(SENT, twoMinutes, BOT, PageInteraction.parse("1:300")),
                "touched: a person, however fast");
        assertEquals(Optional.of("sent by a script 120 ms after the page opened, untouched"),
                BotSuspicion.ofAnswer(SENT, twoMinutes, BOT, PageInteraction.parse("0:120")));
        assertEquals(Optional.of("sent by a script 999 ms after the page opened, untouched"),
                BotSuspicion.ofAnswer(SENT, twoMinutes, BOT, PageInteraction.parse("0:999")));
        assertEquals(Optional.empty(), BotSuspicion.ofAnswer(SENT, twoMinutes, BOT, PageInteraction.parse("0:1000")));
        assertEquals(Optional.of("answered 1 s after sending"), BotSuspicion.ofAnswer(SENT, SENT.plusSeconds(1), BOT,
                PageInteraction.parse("1:5000")), "within the bot window, nothing clears it");
    }

    @Test
    void eachStoredReasonReadsInTheReadersLanguageAndAnUnknownOneAsItIs() {
        Locale fr = Locale.FRENCH;
        String scripted = BotSuspicion.ofAnswer(SENT, SENT.plusSeconds(60), BOT, PageInteraction.parse("0:1200")).orElse(null);
        assertNull(scripted, "1.2 s: not instant");
        scripted = BotSuspicion.ofAnswer(SENT, SENT.plusSeconds(60), BOT, PageInteraction.parse("0:120")).orElseThrow();
        assertEquals("Sent by a script 120\u00a0ms after the page opened, with no click or key press",
                BotSuspicion.explain(scripted).render(Locale.ENGLISH));
        assertEquals("Envoyée par un script 120\u00a0ms après l'ouverture de la page, sans clic ni frappe au clavier",
                BotSuspicion.explain(scripted).render(fr));
        String answered = BotSuspicion.ofAnswer(SENT, SENT.plusSeconds(4), BOT, Optional.empty()).orElseThrow();
        assertEquals("Réponse 4\u00a0s après l'envoi", BotSuspicion.explain(answered).render(fr));
        assertEquals("Answered 4\u00a0s after sending", BotSuspicion.explain("answered 4 s after sending").render(Locale.ENGLISH),
                "rows flagged before this version read the same");
        String clicked = BotSuspicion.ofClick(SENT, null, null, 9, SENT.plusSeconds(2), BOT).orElseThrow();
        assertEquals("Lien de note ouvert 2\u00a0s après l'envoi", BotSuspicion.explain(clicked).render(fr));
        String several = BotSuspicion.ofClick(SENT, SENT.plusSeconds(60), 0, 1, SENT.plusSeconds(60).plusMillis(300), BOT).orElseThrow();
        assertEquals("Plusieurs liens de note ouverts en moins d'une seconde", BotSuspicion.explain(several).render(fr));
        assertEquals("flagged by hand", BotSuspicion.explain("flagged by hand").render(fr), "not one of ours: as it is");
    }

    @Test
    void thePagesFieldSaysNothingWhenMissingOrNotTheScripts() {
        assertEquals(Optional.of(new PageInteraction(true, Duration.ofMillis(5230))), PageInteraction.parse(" 1:5230 "));
        for (String field : new String[] {null, "", "yes", "2:100", "1:-5", "1:", ":100", "0:1234567890"}) {
            assertEquals(Optional.empty(), PageInteraction.parse(field), String.valueOf(field));
        }
    }

    @Test
    void aScannersAnswerIsUnflaggedByThePersonsLaterSendingAndNeverOverwritesAPersonsAnswer() {
        Contact contact = new Contact(new EmailAddress("jean@exemple.fr"), Language.FR, SENT);
        Response scanner = new Response(contact, new Score(0), ResponseChannel.EMAIL, SENT.plusSeconds(1));
        Optional<String> suspected = Optional.of("answered 1 s after sending");
        assertTrue(scanner.judge(suspected, SENT.plusSeconds(1)));
        assertTrue(scanner.isFlagged());
        assertEquals("answered 1 s after sending", scanner.getFlagReason());
        assertFalse(scanner.judge(Optional.of("answered 2 s after sending"), SENT.plusSeconds(2)), "still flagged: nothing to write");
        assertEquals("answered 1 s after sending", scanner.getFlagReason(), "the first reason stays");
        assertTrue(scanner.yieldsTo(suspected), "a scanner's answer gives way to anything sent later");

        Instant later = SENT.plusSeconds(120);
        assertFalse(scanner.answer(new Score(0), null, false, later), "the person sends the same score: no content change");
        assertTrue(scanner.judge(Optional.empty(), later), "but it is theirs now");
        assertFalse(scanner.isFlagged());
        assertNull(scanner.getFlagReason());
        assertEquals(later, scanner.getUpdatedAt(), "a change the webhook and the response rate see");
        assertFalse(scanner.judge(Optional.empty(), later.plusSeconds(1)), "nothing more to clear");
        assertEquals(later, scanner.getUpdatedAt());

        assertFalse(scanner.yieldsTo(Optional.of("sent by a script 50 ms after the page opened, untouched")),
                "a machine coming back does not overwrite the person's answer");
        assertTrue(scanner.yieldsTo(Optional.empty()), "the person may still change it");
    }

    @Test
    void theLatestAnswerWinsAndAnUnchangedOneTouchesNothing() {
        Contact contact = new Contact(new EmailAddress("jean@exemple.fr"), Language.FR, SENT);
        Response response = new Response(contact, new Score(6), ResponseChannel.EMAIL, SENT);
        assertEquals(NpsCategory.DETRACTOR, response.getCategory());
        Instant later = SENT.plusSeconds(60);
        assertTrue(response.answer(new Score(9), "  Très bien  ", true, later));
        assertEquals(NpsCategory.PROMOTER, response.getCategory());
        assertEquals("Très bien", response.getComment());
        assertTrue(response.isContactConsent());
        assertEquals(later, response.getUpdatedAt());
        assertEquals(SENT, response.getRespondedAt(), "first answered at stays");
        assertFalse(response.answer(new Score(9), "Très bien", true, later.plusSeconds(1)));
        assertEquals(later, response.getUpdatedAt(), "nothing changed: updated_at (watched by the webhook) stays");
        assertTrue(response.answer(new Score(9), " ", false, later.plusSeconds(2)));
        assertNull(response.getComment());
        ResponseChange change = ResponseChange.of(response);
        assertEquals(9, change.getScore());
        assertEquals(later.plusSeconds(2), change.getChangedAt());
        assertThrows(InvalidScoreException.class, () -> new Score(11));
    }
}
