package org.npsloop.domain.response;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Signs that a machine, not a person, followed a respondent's links: mail security scanners open
 * every link of a message within seconds of its delivery, often all at once. A person needs more
 * than a few seconds to open a mail, read it and choose a score. Clicks and answers are judged apart: the
 * clicks' suspicion stays on the invitation, an answer's on that answer.
 */
public final class BotSuspicion {

    /** Two different score links of one invitation opened closer than this: nobody clicks that fast. */
    public static final Duration SEVERAL_LINKS_WINDOW = Duration.ofSeconds(1);

    private BotSuspicion() {
    }

    /**
     * A GET on a score link.
     *
     * @param sentAt when the invitation was sent
     * @param lastOpenedAt when a score link of this invitation was last opened before (null: never)
     * @param lastOpenedScore which one (null: never)
     * @param botWindow a click or answer within this time after sending is suspicious
     */
    public static Optional<String> ofClick(Instant sentAt, Instant lastOpenedAt, Integer lastOpenedScore, int score,
            Instant now, Duration botWindow) {
        if (tooSoon(sentAt, now, botWindow)) {
            return Optional.of("score link opened " + seconds(sentAt, now) + " s after sending");
        }
        if (lastOpenedAt != null && lastOpenedScore != null && lastOpenedScore != score
                && Duration.between(lastOpenedAt, now).abs().compareTo(SEVERAL_LINKS_WINDOW) < 0) {
            return Optional.of("several score links opened within a second");
        }
        return Optional.empty();
    }

    /**
     * A POST of an answer, judged only by what happened at it, never by the invitation's earlier clicks: a
     * scanner that opened every link seconds after sending says nothing about the person who answers minutes
     * later. Suspected: answered within the bot window of sending, or sent by a script with nobody touching
     * the page within {@link PageInteraction#INSTANT} of its opening.
     *
     * @param interaction what the page's script told (empty: no script ran, e.g. sent by the button of the
     *        page without JavaScript, which takes a person)
     */
    public static Optional<String> ofAnswer(Instant sentAt, Instant now, Duration botWindow, Optional<PageInteraction> interaction) {
        if (tooSoon(sentAt, now, botWindow)) {
            return Optional.of("answered " + seconds(sentAt, now) + " s after sending");
        }
        return interaction.filter(PageInteraction::untouchedAndInstant)
                .map(page -> "sent by a script " + page.open().toMillis() + " ms after the page opened, untouched");
    }

    private static boolean tooSoon(Instant sentAt, Instant now, Duration botWindow) {
        return sentAt != null && !botWindow.isNegative() && !botWindow.isZero()
                && Duration.between(sentAt, now).compareTo(botWindow) < 0;
    }

    private static long seconds(Instant sentAt, Instant now) {
        return Math.max(0, Duration.between(sentAt, now).toSeconds());
    }
}
