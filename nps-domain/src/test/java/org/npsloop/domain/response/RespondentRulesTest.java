package org.npsloop.domain.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
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
    void anAnswerSecondsAfterSendingOrAfterScannerClicksIsFlagged() {
        assertEquals(Optional.of("answered 4 s after sending"), BotSuspicion.ofAnswer(SENT, SENT.plusSeconds(4), BOT, null));
        assertEquals(Optional.empty(), BotSuspicion.ofAnswer(SENT, SENT.plusSeconds(60), BOT, null));
        assertEquals(Optional.of("several score links opened within a second"), BotSuspicion.ofAnswer(SENT,
                SENT.plusSeconds(60), BOT, "several score links opened within a second"));
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
