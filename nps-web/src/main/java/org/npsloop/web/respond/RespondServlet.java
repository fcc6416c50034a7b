package org.npsloop.web.respond;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.npsloop.campaigns.respond.AskedQuestion;
import org.npsloop.campaigns.respond.RespondentService;
import org.npsloop.campaigns.respond.RespondentService.AnswerPage;
import org.npsloop.domain.nps.Score;
import org.npsloop.domain.response.LinkStatus;
import org.npsloop.domain.response.PageInteraction;
import org.npsloop.domain.validation.InvalidInputException;

/**
 * Score links: {@code GET /r/<token>?score=N} shows the answer page with N selected and stores no
 * answer (mail scanners GET every link); {@code POST /r/<token>} stores the answer, then the answers to
 * the additional questions (a refused one: the thank-you page again, 400, the score stored), and
 * redirects (303) to {@code GET /r/<token>/thanks}, where it can still be changed until the survey closes. The
 * page's script sends how the form was sent (touched or not, how long after opening): see
 * {@link org.npsloop.domain.response.BotSuspicion#ofAnswer}.
 */
@WebServlet(urlPatterns = "/r/*")
public class RespondServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String THANKS = "/thanks";
    /** The answer page's hidden field that its script fills ({@link PageInteraction}); empty without JavaScript. */
    static final String INTERACTION = "interaction";
    /** A hidden field of each additional question the form sends: the id of a question shown to the respondent. */
    static final String ASKED = "asked";
    private static final int MAX_ASKED = 50;

    @Inject
    private RespondentService respondents;

    @Inject
    private PublicPages pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        boolean thanks = path.endsWith(THANKS);
        String token = token(thanks ? path.substring(0, path.length() - THANKS.length()) : path);
        String scoreParameter = request.getParameter("score");
        Integer score = null;
        if (!thanks && scoreParameter != null) {
            score = score(scoreParameter);
            if (score == null) {
                pages.message(response, 400, PublicPages.languageOf(request), "badScore", null, null, null);
                return;
            }
        }
        AnswerPage page = thanks ? respondents.view(token) : respondents.open(token, score);
        if (page.status() != LinkStatus.OPEN) {
            refuse(request, response, page);
            return;
        }
        // Sent by itself (with JavaScript) only when the click says something new, or when the stored answer is
        // suspected to be a scanner's: the person's own click then replaces it.
        show(response, page, token, thanks && page.answered(),
                !thanks && score != null && (!score.equals(page.givenScore()) || page.suspected()));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String token = token(path.endsWith(THANKS) ? path.substring(0, path.length() - THANKS.length()) : path);
        Integer score = score(request.getParameter("score"));
        if (score == null) {
            pages.message(response, 400, PublicPages.languageOf(request), "badScore", null, null, null);
            return;
        }
        String comment = request.getParameter("comment");
        boolean consent = request.getParameter("consent") != null;
        boolean quoteConsent = request.getParameter("quoteConsent") != null;
        Optional<PageInteraction> interaction = PageInteraction.parse(request.getParameter(INTERACTION));
        Map<Long, List<String>> given = questionsAnswered(request);
        AnswerPage page;
        try {
            page = respondents.answer(token, score, comment, consent, quoteConsent, interaction);
        } catch (InvalidInputException e) {
            // Too long a comment: the page again with the reason, the score and what was typed, nothing stored.
            page = respondents.view(token);
            if (page.status() == LinkStatus.OPEN) {
                Map<String, Object> model = pages.answerModel(page, token, false, false, typed(given), Map.of());
                model.put("error", pages.label(page.language(), "commentTooLong.text"));
                model.put("typedScore", score);
                model.put("typedComment", comment);
                model.put("typedConsent", consent);
                model.put("typedQuoteConsent", quoteConsent);
                pages.render(response, HttpServletResponse.SC_BAD_REQUEST, "answer", model);
                return;
            }
        }
        if (page.status() != LinkStatus.OPEN) {
            refuse(request, response, page);
            return;
        }
        if (!given.isEmpty()) {
            try {
                // After the score, in a transaction of its own: a refused answer here leaves the score stored.
                respondents.answerQuestions(token, given, interaction);
            } catch (InvalidInputException e) {
                AnswerPage thanks = respondents.view(token);
                if (thanks.status() == LinkStatus.OPEN && thanks.answered()) {
                    Map<String, String> errors = new HashMap<>();
                    e.errors().forEach(error -> errors.putIfAbsent(error.field(), error.message(thanks.language().locale())));
                    Map<String, Object> model = pages.answerModel(thanks, token, true, false, typed(given), errors);
                    // This page answers the POST to /r/<token>, not /r/<token>/thanks.
                    model.put("formAction", token);
                    model.put("questionsError", pages.label(thanks.language(), "questions.invalid"));
                    pages.render(response, HttpServletResponse.SC_BAD_REQUEST, "answer", model);
                    return;
                }
            }
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        // Relative to /r/<token>: the browser asks for /r/<token>/thanks, whatever host and prefix it used.
        response.setHeader("Location", token + THANKS);
    }

    /**
     * The additional questions the form showed ({@value #ASKED} fields: hidden and disabled ones are not sent) with
     * their values; one shown but left blank is there with none, so that a required one is refused.
     */
    static Map<Long, List<String>> questionsAnswered(HttpServletRequest request) {
        String[] asked = request.getParameterValues(ASKED);
        Map<Long, List<String>> given = new LinkedHashMap<>();
        if (asked == null) {
            return given;
        }
        for (String id : asked) {
            // A survey has at most ten questions: more fields are not a page's.
            if (id != null && id.matches("\\d{1,18}") && given.size() < MAX_ASKED) {
                long questionId = Long.parseLong(id);
                String[] values = request.getParameterValues(AskedQuestion.fieldOf(questionId));
                given.put(questionId, values == null ? List.of() : List.of(values));
            }
        }
        return given;
    }

    private static Map<String, List<String>> typed(Map<Long, List<String>> given) {
        Map<String, List<String>> typed = new HashMap<>();
        given.forEach((id, values) -> typed.put(AskedQuestion.fieldOf(id), values));
        return typed;
    }

    private void show(HttpServletResponse response, AnswerPage page, String token, boolean thanks, boolean autoSend)
            throws IOException {
        pages.render(response, 200, "answer", pages.answerModel(page, token, thanks, autoSend));
    }


    private void refuse(HttpServletRequest request, HttpServletResponse response, AnswerPage page) throws IOException {
        if (page.status() == LinkStatus.UNKNOWN) {
            pages.message(response, 404, PublicPages.languageOf(request), "notFound", null, null, null);
        } else {
            pages.message(response, 410, page.language(), page.status() == LinkStatus.CLOSED ? "closed" : "expired",
                    page.brandName(), page.colour(), page.logoUrl());
        }
    }

    /** The token of a path "/<token>"; anything else gives an empty string, which matches no invitation. */
    static String token(String path) {
        return path.startsWith("/") && path.indexOf('/', 1) < 0 ? path.substring(1) : "";
    }

    /** 0..10 in ASCII digits ({@link Score#parse}), else null. */
    static Integer score(String parameter) {
        OptionalInt score = Score.parse(parameter);
        return score.isPresent() ? score.getAsInt() : null;
    }
}
