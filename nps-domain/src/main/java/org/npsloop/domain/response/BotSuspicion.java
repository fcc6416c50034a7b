package org.npsloop.domain.response;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.npsloop.domain.i18n.Message;

/**
 * Signs that a machine, not a person, followed a respondent's links: mail security scanners open
 * every link of a message within seconds of its delivery, often all at once. A person needs more
 * than a few seconds to open a mail, read it and choose a score. Clicks and answers are judged apart: the
 * clicks' suspicion stays on the invitation, an answer's on that answer.
 *
 * <p>Reasons are stored as English sentences (the API shows them as they are); {@link #explain} gives them to
 * people in their language.
 */
public final class BotSuspicion {

    /** Two different score links of one invitation opened closer than this: nobody clicks that fast. */
    public static final Duration SEVERAL_LINKS_WINDOW = Duration.ofSeconds(1);

    /** Each reason: its stored sentence ({@code %d} for its number) and its text for people. */
    private enum Reason {
        CLICKED_SOON("score link opened %d s after sending", "bot.reason.clickedSoon"),
        SEVERAL_LINKS("several score links opened within a second", "bot.reason.severalLinks"),
        ANSWERED_SOON("answered %d s after sending", "bot.reason.answeredSoon"),
        SCRIPTED("sent by a script %d ms after the page opened, untouched", "bot.reason.scripted");

        private final String sentence;
        private final String key;
        private final Pattern pattern;

        Reason(String sentence, String key) {
            this.sentence = sentence;
            this.key = key;
            this.pattern = Pattern.compile(Pattern.quote(sentence).replace("%d", "\\E(\\d{1,18})\\Q"));
        }

        String of(long number) {
            return sentence.replace("%d", Long.toString(number));
        }
    }

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
            return Optional.of(Reason.CLICKED_SOON.of(seconds(sentAt, now)));
        }
        if (lastOpenedAt != null && lastOpenedScore != null && lastOpenedScore != score
                && Duration.between(lastOpenedAt, now).abs().compareTo(SEVERAL_LINKS_WINDOW) < 0) {
            return Optional.of(Reason.SEVERAL_LINKS.sentence);
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
            return Optional.of(Reason.ANSWERED_SOON.of(seconds(sentAt, now)));
        }
        return interaction.filter(PageInteraction::untouchedAndInstant).map(page -> Reason.SCRIPTED.of(page.open().toMillis()));
    }

    /** A stored reason as a text for people; one this class did not write (older or hand-made) is shown as it is. */
    public static Message explain(String reason) {
        for (Reason known : Reason.values()) {
            Matcher m = known.pattern.matcher(reason);
            if (m.matches()) {
                return m.groupCount() == 0 ? Message.of(known.key) : Message.of(known.key, Long.parseLong(m.group(1)));
            }
        }
        return Message.of(reason);
    }

    private static boolean tooSoon(Instant sentAt, Instant now, Duration botWindow) {
        return sentAt != null && !botWindow.isNegative() && !botWindow.isZero()
                && Duration.between(sentAt, now).compareTo(botWindow) < 0;
    }

    private static long seconds(Instant sentAt, Instant now) {
        return Math.max(0, Duration.between(sentAt, now).toSeconds());
    }
}
