package org.npsloop.domain.response;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Signs that a machine, not a person, followed a respondent's links: mail security scanners open
 * every link of a message within seconds of its delivery, often all at once. A person needs more
 * than a few seconds to open a mail, read it and choose a score.
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
     * A POST of an answer.
     *
     * @param invitationSuspicion what the invitation's clicks already gave away (null: nothing)
     */
    public static Optional<String> ofAnswer(Instant sentAt, Instant now, Duration botWindow, String invitationSuspicion) {
        if (tooSoon(sentAt, now, botWindow)) {
            return Optional.of("answered " + seconds(sentAt, now) + " s after sending");
        }
        return Optional.ofNullable(invitationSuspicion);
    }

    private static boolean tooSoon(Instant sentAt, Instant now, Duration botWindow) {
        return sentAt != null && !botWindow.isNegative() && !botWindow.isZero()
                && Duration.between(sentAt, now).compareTo(botWindow) < 0;
    }

    private static long seconds(Instant sentAt, Instant now) {
        return Math.max(0, Duration.between(sentAt, now).toSeconds());
    }
}
