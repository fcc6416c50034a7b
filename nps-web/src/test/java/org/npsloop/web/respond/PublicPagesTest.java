package org.npsloop.web.respond;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.npsloop.campaigns.respond.RespondentService.AnswerPage;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.response.LinkStatus;
import org.npsloop.web.html.HtmlChecker;

/** The public pages render in both languages, escape what respondents and marketers typed, and are valid HTML. */
class PublicPagesTest {

    private final PublicPages pages = new PublicPages();

    @Test
    void theScorePageShowsTheClickedScoreTheCommentBoxAndTheConsentInTheSurveysLanguage() throws Exception {
        AnswerPage page = new AnswerPage(LinkStatus.OPEN, Language.FR, "Acme & Co", "#FFEE00", null, "Zoé <b>",
                "Quelle est la probabilité que vous recommandiez Acme ?", "Pourquoi ?", "Peut-on vous recontacter ?",
                8, null, false, null, null, true, false);
        String html = answer(page, false, true);
        assertTrue(html.contains("<html lang=\"fr\">"), html);
        assertTrue(html.contains("value=\"8\" id=\"score-8\" checked"), html);
        assertEquals(1, html.split(" checked").length - 1, "one score selected");
        assertTrue(html.contains("Bonjour Zoé &lt;b&gt;,"), "escaped first name");
        assertTrue(html.contains("Acme &amp; Co"));
        assertTrue(html.contains("<label for=\"consent\">Peut-on vous recontacter ?</label>"));
        assertTrue(html.contains("<input type=\"checkbox\" id=\"quoteConsent\" name=\"quoteConsent\" value=\"yes\"><label for=\"quoteConsent\">"
                + "Pouvons-nous citer votre commentaire anonymement (sans votre nom) dans les résultats que nous publions\u00a0?</label>"),
                "the second consent, unticked, next to the first");
        assertTrue(html.contains("<label class=\"block\" for=\"comment\">Pourquoi ?"));
        assertTrue(html.contains("form.submit()") && html.contains("<noscript>"), "sent by itself, or by the button");
        assertTrue(html.contains("<input type=\"hidden\" name=\"interaction\" id=\"interaction\" value=\"\">")
                && html.contains("<script nonce=\"n0nce\">"), "empty without JavaScript; the page's script (allowed by nonce) fills it");
        assertTrue(html.contains("Envoyer ma réponse"));
        assertTrue(html.contains("--on-brand:#1A1A1A"), "dark text on a yellow brand");
        wellFormed(html);
    }

    @Test
    void theThankYouPageInvitesPromotersToReviewAndKeepsTheComment() throws Exception {
        AnswerPage page = new AnswerPage(LinkStatus.OPEN, Language.EN, "Acme", "#0B5CAD", "https://acme.example/logo.png",
                "Jo", "How likely...?", "Why?", null, 10, "Great \"service\"", true, 10, "https://reviews.example/acme", false, false);
        String html = answer(page, true, false);
        assertTrue(html.contains("Your answer is recorded: 10 out of 10."), html);
        assertTrue(html.contains("href=\"https://reviews.example/acme\""));
        assertTrue(html.contains(">Great &quot;service&quot;</textarea>"), html);
        assertFalse(html.contains("form.submit()"), "nothing sent by itself on the thank-you page");
        assertTrue(html.contains("name=\"interaction\""), "changes on it say how they were sent too");
        assertFalse(html.contains("consent") || html.contains("Consent"), "no consent question, no quote consent: not asked");
        assertTrue(html.contains("action=\"../tok\""));
        assertTrue(html.contains("Update my answer"));
        wellFormed(html);

        AnswerPage quoted = new AnswerPage(LinkStatus.OPEN, Language.EN, "Acme", "#0B5CAD", null, "Jo", "How likely...?", "Why?",
                "May we contact you?", 9, "Fine", true, 9, null, true, true);
        String thanks = answer(quoted, true, false);
        assertTrue(thanks.contains("<input type=\"checkbox\" id=\"quoteConsent\" name=\"quoteConsent\" value=\"yes\" checked>"
                + "<label for=\"quoteConsent\">May we quote your comment anonymously (without your name) in the results we publish?</label>"),
                "the answer given, ticked, can be changed on the thank-you page");
        wellFormed(thanks);
    }

    @Test
    void theLimitIsStatedAndARefusedCommentComesBackWithItsReasonInTheSurveysLanguage() throws Exception {
        AnswerPage page = new AnswerPage(LinkStatus.OPEN, Language.FR, "Acme", "#0B5CAD", null, "Zoé", "Recommanderiez-vous Acme ?",
                "Pourquoi ?", "Peut-on vous recontacter ?", null, null, false, null, null, false, false);
        Map<String, Object> model = pages.answerModel(page, "tok", false, false);
        String html = render("answer", new java.util.HashMap<>(model));
        assertTrue(html.contains("maxlength=\"2000\""), html);
        assertTrue(html.contains("2\u202f000 caractères au plus"), html);
        model.put("error", pages.label(Language.FR, "commentTooLong.text"));
        model.put("typedScore", 3);
        model.put("typedComment", "Trop <long>");
        model.put("typedConsent", true);
        String refused = render("answer", model);
        assertTrue(refused.contains("role=\"alert\" id=\"error\">Votre commentaire dépasse 2\u202f000 caractères"), refused);
        assertTrue(refused.contains("value=\"3\" id=\"score-3\" checked"), "the score chosen is kept");
        assertTrue(refused.contains(">Trop &lt;long&gt;</textarea>"), "what was typed is kept, escaped");
        assertTrue(refused.contains("value=\"yes\" checked"), "consent kept");
        wellFormed(refused);
        assertTrue(pages.label(Language.EN, "comment.limit").equals("2,000 characters at most"));
    }

    @Test
    void messagesAndUnsubscribeInBothLanguages() throws Exception {
        for (Language language : Language.values()) {
            for (String key : new String[] {"notFound", "expired", "closed", "badScore", "tooMany", "commentTooLong", "tooLarge"}) {
                Map<String, Object> model = pages.model(language, null, null, null);
                model.put("key", key);
                wellFormed(render("message", model));
            }
            for (boolean done : new boolean[] {false, true}) {
                Map<String, Object> model = pages.model(language, "Acme", "#0B5CAD", null);
                model.put("unsubscribed", done);
                model.put("action", "tok");
                String html = render("unsubscribe", model);
                assertTrue(html.contains(done ? "Acme" : "name=\"List-Unsubscribe\" value=\"One-Click\""), html);
                wellFormed(html);
            }
        }
    }

    @Test
    void theCheckerReportsInvalidHtml() throws Exception {
        List<String> errors = HtmlChecker.errors("<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head>"
                + "<body><label for=\"missing\">Why?</label></body></html>");
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("“for” attribute"), errors.toString());
    }

    @Test
    void contrastPicksReadableColours() {
        assertEquals(Colours.LIGHT, Colours.textOn("#0B5CAD"));
        assertEquals(Colours.DARK, Colours.textOn("#FFFF00"));
        assertEquals(Colours.DARK, Colours.accentOnWhite("#FFFF00"));
        assertEquals("#0B5CAD", Colours.accentOnWhite("#0B5CAD"));
        assertTrue(Colours.contrast("#0B5CAD", Colours.LIGHT) >= 4.5);
    }

    @Test
    void scoresAndTokensAreReadStrictly() {
        assertEquals(0, RespondServlet.score("0"));
        assertEquals(10, RespondServlet.score("10"));
        assertNull(RespondServlet.score("11"));
        assertNull(RespondServlet.score("-1"));
        assertNull(RespondServlet.score("x"));
        assertNull(RespondServlet.score(""));
        assertNull(RespondServlet.score("\uFF19"), "fullwidth nine: Character.isDigit and Integer.parseInt accept it");
        assertNull(RespondServlet.score("\u0669"), "Arabic-Indic nine");
        assertNull(RespondServlet.score("\uFF11\uFF10"), "fullwidth ten");
        assertEquals("abc", RespondServlet.token("/abc"));
        assertEquals("", RespondServlet.token("/abc/def"));
    }

    private String answer(AnswerPage page, boolean thanks, boolean autoSend) throws Exception {
        return render("answer", pages.answerModel(page, "tok", thanks, autoSend));
    }

    private String render(String template, Map<String, Object> model) throws Exception {
        model.put("nonce", "n0nce");
        StringWriter out = new StringWriter();
        pages.write(template, model, out);
        return out.toString();
    }

    /** Valid HTML by the Nu Html Checker (validator.w3.org/nu): also catches unclosed or misnested tags. */
    private static void wellFormed(String html) throws Exception {
        assertEquals(List.of(), HtmlChecker.errors(html), html);
    }
}
