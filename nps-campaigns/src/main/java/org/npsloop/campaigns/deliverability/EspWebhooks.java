package org.npsloop.campaigns.deliverability;

import java.util.Locale;
import java.util.Map;

/**
 * The signed webhooks of the email service providers (Amazon SES through SNS, SendGrid, Mailgun, Postmark): each
 * request is authenticated (signature, or HTTP basic auth for Postmark), its events mapped to delivery reports and
 * handed to {@link DeliverabilityService#report}. A provider is off until its secret is configured
 * ({@code nps.esp.*}).
 */
public interface EspWebhooks {

    enum Provider {
        SES, SENDGRID, MAILGUN, POSTMARK
    }

    /**
     * One request as received.
     *
     * @param headers the HTTP headers, names in lower case, first value of each
     */
    record Request(Map<String, String> headers, byte[] body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    enum Status {
        /** Read and handed on (each event recorded, a replay, unmatched or ignored). */
        ACCEPTED,
        /** The provider is not configured: as if the endpoint did not exist. */
        OFF,
        /** Missing or wrong credentials (Postmark's basic auth). */
        UNAUTHENTICATED,
        /** A bad or stale signature, a certificate or topic not allowed, a reused token. */
        FORBIDDEN,
        /** Not the provider's format. */
        MALFORMED,
        /** The SNS subscription could not be confirmed (the provider should retry). */
        UPSTREAM_FAILED
    }

    /**
     * @param reason why it was refused: a key of the web bundle ({@code esp.error.*}), null when accepted
     * @param recorded events stored; {@code duplicates} replays; {@code unmatched} about no known address;
     *        {@code ignored} of a kind that changes nothing (deliveries, opens, deferrals)
     */
    record Answer(Status status, String reason, int recorded, int duplicates, int unmatched, int ignored) {

        public static Answer refused(Status status, String reason) {
            return new Answer(status, reason, 0, 0, 0, 0);
        }
    }

    Answer receive(Provider provider, Request request);
}
