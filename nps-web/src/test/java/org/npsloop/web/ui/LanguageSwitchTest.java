package org.npsloop.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LanguageSwitchTest {

    @Test
    void keepsEveryParameterInOrderAndReplacesTheLanguage() {
        String link = LanguageSwitch.link("/campaigns/campaign.xhtml",
                LanguageSwitch.parse("lang=en&id=42&tag=a&tag=b"), "fr");
        assertEquals("/campaigns/campaign.xhtml?id=42&tag=a&tag=b&lang=fr", link);
    }

    @Test
    void encodesWhatItDecoded() {
        Map<String, List<String>> parameters = LanguageSwitch.parse("value=%C3%A9t%C3%A9+%26+co%3D1&moment=a%2Fb");
        assertEquals(List.of("\u00e9t\u00e9 & co=1"), parameters.get("value"));
        assertEquals("/reports/index.xhtml?value=%C3%A9t%C3%A9+%26+co%3D1&moment=a%2Fb&lang=en",
                LanguageSwitch.link("/reports/index.xhtml", parameters, "en"));
    }

    @Test
    void aPageWithoutParametersGetsOnlyTheLanguage() {
        assertEquals("/index.xhtml?lang=en", LanguageSwitch.link("/index.xhtml", LanguageSwitch.parse(null), "en"));
        assertEquals("/index.xhtml?flag=&lang=en", LanguageSwitch.link("/index.xhtml", LanguageSwitch.parse("&flag&"), "en"));
    }

    @Test
    void aMalformedEscapeIsKeptAsTyped() {
        assertEquals(List.of("100%"), LanguageSwitch.parse("q=100%").get("q"));
    }

    @Test
    void viewParametersGiveTheirCurrentValueAndDefaultsStayOut() {
        Map<String, List<String>> parameters = LanguageSwitch.parse("q=old&category=PROMOTER&hideFlagged=true");
        LanguageSwitch.current(parameters, "q", "new", "old");
        LanguageSwitch.current(parameters, "category", null, "PROMOTER");
        LanguageSwitch.current(parameters, "hideFlagged", "false", "true");
        LanguageSwitch.current(parameters, "channel", "PHONE", null);
        LanguageSwitch.current(parameters, "granularity", "WEEK", "WEEK");
        assertEquals("/responses/index.xhtml?q=new&hideFlagged=false&channel=PHONE&lang=fr",
                LanguageSwitch.link("/responses/index.xhtml", parameters, "fr"));
    }
}
