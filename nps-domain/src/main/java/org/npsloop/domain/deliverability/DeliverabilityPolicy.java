package org.npsloop.domain.deliverability;

/**
 * When reports become suppressions and when a campaign stops itself.
 *
 * @param softBounceLimit soft bounces of one address within {@code softBounceDays} that suppress it
 * @param softBounceDays the window of those soft bounces
 * @param pauseComplaintRate complaints per message sent above which a sending campaign pauses (0.003: Gmail's
 *        bulk-sender guidance is to stay under 0.1% and never reach 0.3%)
 * @param pauseBounceRate hard bounces per message sent above which it pauses (0.05: Amazon SES reviews an account
 *        at a 5% bounce rate, and may stop it at 10%)
 * @param pauseMinimumSent the rates are judged from this many messages sent, so the first bounce of a small
 *        campaign does not stop it
 */
public record DeliverabilityPolicy(int softBounceLimit, int softBounceDays, double pauseComplaintRate, double pauseBounceRate,
        int pauseMinimumSent) {

    public static final DeliverabilityPolicy DEFAULT = new DeliverabilityPolicy(3, 15, 0.003, 0.05, 500);

    public DeliverabilityPolicy {
        if (softBounceLimit < 1 || softBounceDays < 1) {
            throw new IllegalArgumentException("Soft bounces: at least 1 within at least 1 day");
        }
        if (!(pauseComplaintRate > 0 && pauseComplaintRate <= 1) || !(pauseBounceRate > 0 && pauseBounceRate <= 1)) {
            throw new IllegalArgumentException("Pause rates are fractions in (0, 1]");
        }
        if (pauseMinimumSent < 1) {
            throw new IllegalArgumentException("The minimum sent before pausing is at least 1");
        }
    }
}
