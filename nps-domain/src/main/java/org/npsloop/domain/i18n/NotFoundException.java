package org.npsloop.domain.i18n;

import java.util.NoSuchElementException;

/** Something asked for by id that does not exist (or no longer does), saying what as a {@link Message}. */
public class NotFoundException extends NoSuchElementException implements Refusal {

    private static final long serialVersionUID = 1L;

    private final Message reason;

    public NotFoundException(String key, Object... arguments) {
        super(Message.of(key, arguments).toString());
        this.reason = Message.of(key, arguments);
    }

    @Override
    public Message reason() {
        return reason;
    }
}
