package org.npsloop.domain.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NotificationMailTest {

    @Test
    void everyPartIsRequiredAndTheRecipientIsOneAddress() {
        assertEquals("a@b.fr", new NotificationMail(" a@b.fr ", "S", "<p>h</p>", "t").to());
        assertThrows(IllegalArgumentException.class, () -> new NotificationMail(" ", "S", "h", "t"));
        assertThrows(IllegalArgumentException.class, () -> new NotificationMail("a@b.fr", null, "h", "t"));
        assertThrows(IllegalArgumentException.class, () -> new NotificationMail("a@b.fr", "S", "", "t"));
        assertThrows(IllegalArgumentException.class, () -> new NotificationMail("a@b.fr", "S", "h", " "));
        assertThrows(IllegalArgumentException.class, () -> new NotificationMail("a@b.fr, c@d.fr", "S", "h", "t"));
        assertThrows(IllegalArgumentException.class, () -> new NotificationMail("a@b.fr", "S\r\nBcc: x@y.z", "h", "t"));
    }
}
