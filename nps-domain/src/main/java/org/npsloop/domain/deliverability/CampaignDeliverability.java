package org.npsloop.domain.deliverability;

import java.util.Optional;
import org.npsloop.domain.i18n.Message;

/**
 * A campaign's delivery figures: messages the server accepted, and what came back about them. Delivered is what was
 * accepted and did not bounce (hard or soft) as far as we were told. Rates are per message sent, 0 when none was.
 */
public record CampaignDeliverability(long sent, long hardBounces, long softBounces, long complaints, long unsubscribes) {

    public long delivered() {
        return Math.max(0, sent - hardBounces - softBounces);
    }

    public double bounceRate() {
        return rate(hardBounces);
    }

    public double softBounceRate() {
        return rate(softBounces);
    }

    public double complaintRate() {
        return rate(complaints);
    }

    public double unsubscribeRate() {
        return rate(unsubscribes);
    }

    public double deliveredRate() {
        return rate(delivered());
    }

    private double rate(long count) {
        return sent == 0 ? 0 : (double) count / sent;
    }

    /**
     * Why the campaign must pause under {@code policy}, as a message to show in the reader's language (key
     * {@code campaign.paused.complaints} or {@code campaign.paused.bounces}, arguments: count, sent, rate in percent,
     * threshold in percent); empty while it may go on.
     */
    public Optional<Message> pauseReason(DeliverabilityPolicy policy) {
        if (sent < policy.pauseMinimumSent()) {
            return Optional.empty();
        }
        if (complaintRate() > policy.pauseComplaintRate()) {
            return Optional.of(reason("campaign.paused.complaints", complaints, policy.pauseComplaintRate()));
        }
        if (bounceRate() > policy.pauseBounceRate()) {
            return Optional.of(reason("campaign.paused.bounces", hardBounces, policy.pauseBounceRate()));
        }
        return Optional.empty();
    }

    private Message reason(String key, long count, double threshold) {
        return Message.of(key, count, sent, percent(rate(count)), percent(threshold));
    }

    /** A number, not a text, so that each language writes it its own way (0.45 in English, 0,45 in French). */
    private static java.math.BigDecimal percent(double fraction) {
        return java.math.BigDecimal.valueOf(fraction * 100).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
