package org.npsloop.web.security;

import java.text.MessageFormat;
import java.util.Locale;
import org.npsloop.domain.outbound.OutboundRefusedException;

/** A refused outbound address (the webhook's), said in the reader's language (keys outbound.refused.*). */
public final class OutboundRefusalMessages {

    private OutboundRefusalMessages() {
    }

    public static String text(OutboundRefusedException refused, Locale locale) {
        String pattern = AccountException.bundle(locale).getString("outbound.refused." + refused.reason().name());
        return new MessageFormat(pattern, locale).format(new Object[] {refused.subject()});
    }
}
