package org.npsloop.domain.outbound;

import org.npsloop.domain.validation.InvalidInputException;

/**
 * An outbound address refused, naming the field {@code url}; {@code subject} is the host or the resolved
 * address that was refused, so that an administrator sees which of a host's addresses is the problem.
 */
public class OutboundRefusedException extends InvalidInputException {

    private static final long serialVersionUID = 1L;
    public static final String FIELD = "url";

    private final OutboundRefusal reason;
    private final String subject;

    public OutboundRefusedException(OutboundRefusal reason, String subject) {
        super(FIELD, subject + " " + reason.english());
        this.reason = reason;
        this.subject = subject;
    }

    public OutboundRefusal reason() {
        return reason;
    }

    public String subject() {
        return subject;
    }
}
