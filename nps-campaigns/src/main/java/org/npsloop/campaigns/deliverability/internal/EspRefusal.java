package org.npsloop.campaigns.deliverability.internal;

import org.npsloop.campaigns.deliverability.EspWebhooks.Status;

/** A webhook request refused before anything was stored; {@code reason} is a key of the web bundle. */
final class EspRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Status status;
    private final String reason;

    EspRefusal(Status status, String reason, String detail) {
        super(reason + (detail == null ? "" : ": " + detail), null, false, false);
        this.status = status;
        this.reason = reason;
    }

    static EspRefusal forbidden(String reason, String detail) {
        return new EspRefusal(Status.FORBIDDEN, reason, detail);
    }

    static EspRefusal malformed(String detail) {
        return new EspRefusal(Status.MALFORMED, "esp.error.malformed", detail);
    }

    Status status() {
        return status;
    }

    String reason() {
        return reason;
    }
}
