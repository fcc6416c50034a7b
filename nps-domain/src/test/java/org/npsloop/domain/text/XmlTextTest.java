package org.npsloop.domain.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class XmlTextTest {

    @Test
    void controlCharactersNonCharactersAndLoneSurrogatesAreRemoved() {
        StringBuilder bad = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            if (c != '\t' && c != '\n' && c != '\r') {
                bad.append(c);
            }
        }
        bad.append('\uFFFE').append('\uFFFF').append('\uDC00').append('\uD800'); // reversed: two lone halves
        assertEquals("okay", XmlText.clean("o" + bad + "k" + bad + "ay"));
        assertEquals("a", XmlText.clean("a\uDBFF"), "a high surrogate at the end");
    }

    @Test
    void textThatXmlCanHoldIsKeptAsItIs() {
        String text = "Très bien\tmerci\r\nà vous 😀 \uE000\uFFFD";
        assertSame(text, XmlText.clean(text));
        assertNull(XmlText.clean(null));
    }
}
