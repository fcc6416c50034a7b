package org.npsloop.web.respond;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.npsloop.campaigns.respond.AskedQuestion;
import org.npsloop.campaigns.respond.RespondentService.AnswerPage;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.question.AnswerValue;
import org.npsloop.domain.question.QuestionAudience;
import org.npsloop.domain.question.QuestionKind;
import org.npsloop.domain.question.RatingScale;
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
        assertTrue(html.contains("<label class=\"block\" for=\"comment\"><span id=\"why\">Pourquoi ?</span>"), "the survey's one why question: no other given");
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
    void everyKindOfQuestionIsOnTheAnswerPageHiddenUntilItsScriptShowsThoseOfTheChosenScore() throws Exception {
        for (Language language : Language.values()) {
            String html = answer(withQuestions(language, 3, null), false, true);
            wellFormed(html);
            for (String field : new String[] {"q11", "q12", "q13", "q14", "q15", "q16"}) {
                assertTrue(fieldset(html, field).endsWith(" hidden disabled>"),
                        "without JavaScript the answer page is as short as ever, and hidden questions are not sent: " + fieldset(html, field));
            }
            assertTrue(html.contains("<div id=\"more\" hidden>"), html);
            assertTrue(fieldset(html, "q13").contains("data-category=\"DETRACTOR\""), "the script shows it for 0-6");
            assertTrue(fieldset(html, "q11").contains("data-category=\"\""), "asked of everyone");
            assertTrue(html.contains("name=\"score\" data-category=\"PASSIVE\" value=\"7\""), "each score says its category");
            assertTrue(html.contains("<span id=\"why\" data-detractor=\"Why &lt;so&gt; low?\" data-passive=\"Why?\" "
                    + "data-promoter=\"What do you love?\">Why &lt;so&gt; low?</span>"), "the why of the clicked 3, the others for the script");
            assertTrue(html.contains("fieldset.question") && html.contains("set.disabled = !on"), "the script shows and enables them");
            assertFalse(html.contains("<b>") || html.contains("<fees>") || html.contains("<script>alert"), "marketers' texts escaped");
            assertTrue(html.contains("How was &lt;b&gt;delivery&lt;/b&gt;?") && html.contains("Price &amp; &lt;fees&gt;"), html);
        }
    }

    @Test
    void theThankYouPageShowsTheQuestionsOfTheStoredScoreWithTheirAnswersInBothLanguages() throws Exception {
        for (Language language : Language.values()) {
            boolean fr = language == Language.FR;
            String html = answer(withQuestions(language, 3, 3), true, false);
            wellFormed(html);
            assertTrue(html.contains("<div id=\"more\">") && html.contains(fr ? "Quelques questions de plus" : "A few more questions"), html);
            for (String shown : new String[] {"q11", "q12", "q13", "q16"}) {
                assertFalse(fieldset(html, shown).contains("hidden"), "asked of a 3: " + shown);
            }
            for (String hidden : new String[] {"q14", "q15"}) {
                assertTrue(fieldset(html, hidden).endsWith(" hidden disabled>"), "not asked of a 3: " + hidden);
            }
            assertTrue(fieldset(html, "q11").contains("role=\"radiogroup\" aria-required=\"true\" aria-describedby=\"q11-ends\""), html);
            assertTrue(html.contains("<legend id=\"q11-legend\">How was &lt;b&gt;delivery&lt;/b&gt;? <span class=\"note\">("
                    + (fr ? "obligatoire" : "required") + ")</span></legend>"), html);
            assertTrue(html.contains("value=\"4\" id=\"q11-4\" checked"), "the stored rating");
            assertTrue(html.contains("id=\"q11-ends\"><span>" + (fr ? "1 = très insatisfait" : "1 = very dissatisfied")), html);
            assertTrue(html.contains("id=\"q12-0\"") && html.contains("id=\"q12-10\""), "a 0-10 rating");
            assertTrue(html.contains("value=\"C2\" id=\"q13-1\" checked><label for=\"q13-1\">Delay</label>"), "the stored choice");
            assertTrue(html.contains("<input type=\"checkbox\" name=\"q14\" value=\"C1\" id=\"q14-0\" checked>")
                    && html.contains("<input type=\"checkbox\" name=\"q14\" value=\"C2\" id=\"q14-1\">"), "multiple choices as checkboxes");
            assertTrue(html.contains("<input type=\"text\" id=\"q15\" name=\"q15\" maxlength=\"1000\" aria-labelledby=\"q15-legend\" "
                    + "value=\"Fine &quot;really&quot;\" aria-required=\"true\">"), html);
            assertTrue(html.contains("value=\"yes\" id=\"q16-yes\" checked><label for=\"q16-yes\">" + (fr ? "Oui" : "Yes")), html);
            assertTrue(html.contains("<input type=\"hidden\" name=\"asked\" value=\"13\">"), "what the form showed");
            assertTrue(html.contains(fr ? "Envoyer mes réponses" : "Send my answers"), "the button sends them");
        }
    }

    @Test
    void aRefusedAnswerComesBackOnItsQuestionWithWhatWasTyped() throws Exception {
        AnswerPage page = withQuestions(Language.FR, 3, 3);
        Map<String, Object> model = pages.answerModel(page, "tok", true, false,
                Map.of("q11", List.of(), "q13", List.of("C1"), "q16", List.of("no")), Map.of("q11", "Cette question demande une réponse"));
        model.put("questionsError", pages.label(Language.FR, "questions.invalid"));
        String html = render("answer", model);
        wellFormed(html);
        assertTrue(html.contains("role=\"alert\" id=\"questions-error\">Votre note est enregistrée."), html);
        assertTrue(fieldset(html, "q11").contains("role=\"radiogroup\" aria-required=\"true\" aria-invalid=\"true\" "
                + "aria-describedby=\"q11-error q11-ends\""), fieldset(html, "q11"));
        assertTrue(html.contains("<p class=\"error\" id=\"q11-error\">Cette question demande une réponse</p>"), html);
        assertFalse(html.contains("id=\"q11-4\" checked"), "left empty as sent, not the stored 4");
        assertTrue(html.contains("value=\"C1\" id=\"q13-0\" checked") && html.contains("value=\"no\" id=\"q16-no\" checked"),
                "what was typed, not what is stored");
        assertFalse(fieldset(html, "q13").contains("aria-invalid"), "only the refused one is marked");
        assertTrue(html.contains("value=\"Fine &quot;really&quot;\""), "a question not sent keeps its stored answer");
    }

    /** A page of a survey asking every kind of question, to a detractor (3): stored answers to some of them. */
    private static AnswerPage withQuestions(Language language, Integer score, Integer given) {
        List<AskedQuestion.Option> improve = List.of(new AskedQuestion.Option("C1", "Price & <fees>"), new AskedQuestion.Option("C2", "Delay"));
        List<AskedQuestion.Option> value = List.of(new AskedQuestion.Option("C1", "Quality"), new AskedQuestion.Option("C2", "Price"),
                new AskedQuestion.Option("C3", "People"));
        List<AskedQuestion> questions = List.of(
                new AskedQuestion(11, "q11", QuestionKind.TOUCHPOINT_RATING, "How was <b>delivery</b>?", "Delivery", RatingScale.ONE_TO_FIVE,
                        true, QuestionAudience.EVERYONE, List.of(), AnswerValue.ofRating(4)),
                new AskedQuestion(12, "q12", QuestionKind.TOUCHPOINT_RATING, "Our phone support?", "Phone", RatingScale.ZERO_TO_TEN,
                        false, QuestionAudience.DETRACTORS, List.of(), AnswerValue.EMPTY),
                new AskedQuestion(13, "q13", QuestionKind.SINGLE_CHOICE, "What should we improve first?", null, null, false,
                        QuestionAudience.DETRACTORS, improve, AnswerValue.ofChoices(List.of("C2"))),
                new AskedQuestion(14, "q14", QuestionKind.MULTIPLE_CHOICE, "What do you value most? <script>alert(1)</script>", null, null,
                        false, QuestionAudience.PROMOTERS, value, AnswerValue.ofChoices(List.of("C1", "C3"))),
                new AskedQuestion(15, "q15", QuestionKind.SHORT_TEXT, "What is missing?", null, null, true, QuestionAudience.PASSIVES,
                        List.of(), AnswerValue.ofText("Fine \"really\"")),
                new AskedQuestion(16, "q16", QuestionKind.YES_NO, "Would you buy again?", null, null, false, QuestionAudience.EVERYONE,
                        List.of(), AnswerValue.ofYesNo(true)));
        Map<NpsCategory, String> why = Map.of(NpsCategory.DETRACTOR, "Why <so> low?", NpsCategory.PASSIVE, "Why?",
                NpsCategory.PROMOTER, "What do you love?");
        return new AnswerPage(LinkStatus.OPEN, language, "Acme", "#0B5CAD", null, "Zoé", "How likely...?",
                why.get(NpsCategory.DETRACTOR), null, score, null, false, given, null, false, false, false, why, questions);
    }

    /** The opening tag of a question's fieldset. */
    private static String fieldset(String html, String field) {
        int start = html.indexOf("<fieldset class=\"question\" id=\"" + field + "-set\"");
        assertTrue(start >= 0, field + " rendered");
        return html.substring(start, html.indexOf('>', start) + 1);
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
