package org.npsloop.domain.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class StoredMessagesTest {

    @Test
    void aPauseReasonIsStoredAsKeyAndArgumentsAndReadInEitherLanguage() {
        String stored = StoredMessages.encode(Message.of("campaign.paused.failures", 12, 15));
        assertEquals("[{\"k\":\"campaign.paused.failures\",\"a\":[12,15]}]", stored);
        Message read = StoredMessages.decodeOne(stored);
        assertEquals("12 of the last 15 messages failed; check the SMTP settings and the failed recipients, then resume.",
                read.render(Locale.ENGLISH));
        assertEquals("12 des 15 derniers messages ont \u00e9chou\u00e9 ; v\u00e9rifiez les r\u00e9glages SMTP et les destinataires "
                + "en \u00e9chec, puis reprenez.", read.render(Locale.FRENCH));
    }

    /** Campaigns paused before the reasons had keys hold an English sentence: shown as it is. */
    @Test
    void anOlderSentenceOrAnythingElseIsReadAsItIs() {
        String old = "12 of the last 15 messages failed; check the SMTP settings and the failed recipients, then resume.";
        assertEquals(old, StoredMessages.decodeOne(old).render(Locale.FRENCH));
        assertEquals("[{broken", StoredMessages.decodeOne("[{broken").render(Locale.ENGLISH));
        assertEquals("[{\"a\":[]}]", StoredMessages.decodeOne("[{\"a\":[]}]").render(Locale.ENGLISH), "no key");
        assertNull(StoredMessages.decodeOne(null));
        assertNull(StoredMessages.decodeOne(" "));
    }

    @Test
    void textArgumentsAreCutNumbersAndNestedMessagesKept() {
        List<Message> read = StoredMessages.decode(StoredMessages.encode(List.of(Message.of("x", "abcdef", 2.5,
                Message.of("y", 3))), 4));
        assertEquals(List.of(Message.of("x", "abc\u2026", 2.5, Message.of("y", 3L))), read);
    }
}
