package org.npsloop.web.it;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** What a person notices about a form: labels next to their fields, and where error messages show. */
final class FormPage {

    private FormPage() {
    }

    /**
     * The labels inside {@code container} (a CSS selector) whose {@code for} names no element, or an element
     * outside the label's own row ({@code .field-row}): each as "label text -> for". Empty when every label
     * sits next to its own field.
     */
    @SuppressWarnings("unchecked")
    static List<String> labelsAwayFromTheirField(ChromeDriver browser, String container) {
        return (List<String>) browser.executeScript("""
                const wrong = [];
                for (const label of document.querySelectorAll(arguments[0] + ' label[for]')) {
                  if (label.closest('.ui-selectmanycheckbox, .ui-selectoneradio, .ui-chkbox, .ui-radiobutton')) continue;
                  const field = document.getElementById(label.htmlFor);
                  const row = label.closest('.field-row');
                  if (!field || !row || !row.contains(field)) wrong.push(label.textContent.trim() + ' -> ' + label.htmlFor);
                }
                return wrong;""", container);
    }

    /** How many labelled fields the container has (so that an empty check above cannot pass on an empty form). */
    static long labelledFields(ChromeDriver browser, String container) {
        return (Long) browser.executeScript("return document.querySelectorAll(arguments[0] + ' .field-row > label[for]').length;",
                container);
    }

    /** The error messages shown anywhere on the page: field messages, message lists and growl notices. */
    static List<WebElement> errorsShown(WebDriver browser) {
        // Found without the implicit wait: "none" is an answer these checks expect, and the page is drawn by then.
        return Browser.findNow(browser, By.cssSelector(".ui-message-error, .ui-messages-error, .ui-growl-item-container"))
                .stream().filter(WebElement::isDisplayed).toList();
    }

    /** The row ({@code .field-row}) holding the element of this id. */
    static WebElement rowOf(WebDriver browser, String id) {
        return browser.findElement(By.id(id)).findElement(By.xpath("ancestor::div[contains(@class, 'field-row')][1]"));
    }
}
