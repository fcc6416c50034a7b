package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** What a user sees of the admin shell's layout and language switch, measured in the browser (issue 12, points 1 and 6). */
final class LayoutPage {

    private final ChromeDriver browser;

    LayoutPage(ChromeDriver browser) {
        this.browser = browser;
    }

    /** The addresses the menu offers (its items' links, submenus included), in menu order. */
    List<String> menuPages() {
        @SuppressWarnings("unchecked")
        List<String> links = (List<String>) browser.executeScript("return Array.from(document.querySelectorAll('#nav a[href]'))"
                + ".map(a => a.href).filter(h => h.indexOf('.xhtml') > 0 && h.indexOf('#') < 0)"
                + ".filter((h, i, all) => all.indexOf(h) === i);");
        return links;
    }

    /**
     * The header on one line (brand, every menu entry, languages, account, sign-out side by side), nothing
     * wider than the window, and every table cell showing all of its content or, when cut, a tooltip with all of it.
     */
    void assertHoldsTogether(String where) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) browser.executeScript("""
                const box = e => e.getBoundingClientRect();
                const parts = ['.app-brand', '#nav', '#languages', '#account', '#logout']
                    .map(s => document.querySelector(s)).filter(e => e);
                const items = Array.from(document.querySelectorAll('#nav .ui-menubar > .ui-menu-list > .ui-menuitem'));
                const tops = parts.concat(items).map(e => box(e).top);
                const bottoms = parts.concat(items).map(e => box(e).bottom);
                const header = document.querySelector('.app-header');
                const cut = [];
                document.querySelectorAll('.app-main .ui-datatable tbody td').forEach(td => {
                    if (td.offsetParent === null) return;
                    const wrapper = td.closest('.ui-datatable-tablewrapper') || td.closest('table');
                    const clipped = td.scrollWidth > td.clientWidth + 1 || box(td).right > box(wrapper).right + 1;
                    if (clipped && !td.querySelector('[title]') && td.textContent.trim()) cut.push(td.textContent.trim());
                });
                document.querySelectorAll('.app-main .truncate').forEach(t => {
                    if (t.scrollHeight > t.clientHeight + 1 && t.title !== t.textContent) cut.push('no tooltip: ' + t.textContent);
                });
                // Side by side and apart: the menu's last entry, then the languages, the account and sign-out.
                const row = [document.querySelector('.app-brand'), items[0], items[items.length - 1],
                    document.querySelector('#languages'), document.querySelector('#account'), document.querySelector('#logout')];
                const overlaps = [];
                for (let i = 1; i < row.length; i++) {
                    if (row[i] && row[i - 1] && box(row[i]).left < box(row[i - 1]).right - 1) {
                        overlaps.push((row[i - 1].id || row[i - 1].className) + ' / ' + (row[i].id || row[i].className));
                    }
                }
                return {parts: parts.length, overlaps: overlaps, items: items.length, highestBottom: Math.min(...bottoms), lowestTop: Math.max(...tops),
                    headerHeight: box(header).height, headerOverflow: header.scrollWidth - header.clientWidth,
                    pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth, cut: cut};
                """);
        assertEquals(5L, m.get("parts"), where + ": brand, menu, languages, account and sign-out in the header");
        assertTrue(((Number) m.get("items")).longValue() >= 2, where + ": the menu's entries " + m);
        assertTrue(((Number) m.get("lowestTop")).doubleValue() < ((Number) m.get("highestBottom")).doubleValue(),
                where + ": the header's parts and menu entries side by side on one line " + m);
        assertEquals(List.of(), m.get("overlaps"), where + ": header parts drawn over one another " + m);
        assertTrue(((Number) m.get("headerHeight")).doubleValue() < 70, where + ": a header of one line " + m);
        assertEquals(0L, ((Number) m.get("headerOverflow")).longValue(), where + ": nothing cut at the header's end " + m);
        assertTrue(((Number) m.get("pageOverflow")).longValue() <= 0, where + ": no horizontal scrolling of the page " + m);
        assertEquals(List.of(), m.get("cut"), where + ": table cells cut without a tooltip");
    }

    /** Clicks EN or FR in the header (or on the sign-in page) and waits for the page in that language. */
    void switchTo(String language) {
        browser.findElement(By.id("lang-" + language)).click();
        Browser.waitFor(browser, ExpectedConditions.attributeToBe(By.tagName("html"), "lang", language));
    }

    /** The parameters of the current address, lang excepted, sorted by name. */
    Map<String, String> parameters() {
        Map<String, String> parameters = new TreeMap<>();
        String query = URI.create(browser.getCurrentUrl()).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] nameValue = pair.split("=", 2);
                if (!nameValue[0].equals("lang")) {
                    parameters.put(nameValue[0], java.net.URLDecoder.decode(nameValue.length > 1 ? nameValue[1] : "",
                            java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        return parameters;
    }

    /** The path of the current address. */
    String path() {
        return URI.create(browser.getCurrentUrl()).getPath();
    }

    /** The visible text of the page's main part and title. */
    String mainText() {
        return browser.findElement(By.tagName("main")).getText();
    }

    /** The text of the header's menu (its first level). */
    String menuText() {
        return browser.findElement(By.id("nav")).getText();
    }
}
