package org.npsloop.web.respond;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import org.npsloop.campaigns.respond.AskedQuestion;
import org.npsloop.campaigns.respond.RespondentService.AnswerPage;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.nps.Score;
import org.npsloop.domain.question.AnswerValue;
import org.npsloop.domain.question.QuestionKind;
import org.npsloop.domain.response.CommentText;
import org.npsloop.domain.survey.Survey;
import org.npsloop.platform.templates.FreemarkerConfigurations;

/**
 * Renders the public pages from the auto-escaped FreeMarker templates in {@code /respond}, with the
 * labels of {@code pages_<lang>.properties}, and the headers every such page needs: no caching, no
 * referrer (the token is in the address), no indexing, and a content security policy that only
 * allows the page's own inline style and script (by nonce).
 */
@ApplicationScoped
public class PublicPages {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Configuration freemarker;
    private final Map<Language, Map<String, String>> labels = new EnumMap<>(Language.class);

    public PublicPages() {
        freemarker = FreemarkerConfigurations.classpath(PublicPages.class, "/respond");
        for (Language language : Language.values()) {
            labels.put(language, load(language));
        }
    }

    /** The language of a visitor we know nothing about: their browser's, else English. */
    public static Language languageOf(HttpServletRequest request) {
        return Language.of(request.getLocale());
    }

    /** A model with the page's language, labels and brand (null brand fields: the neutral look). */
    Map<String, Object> model(Language language, String brandName, String colour, String logoUrl) {
        Map<String, Object> model = new HashMap<>();
        String brand = colour == null ? Survey.DEFAULT_COLOUR : colour;
        model.put("lang", language.name().toLowerCase(Locale.ROOT));
        model.put("t", labels.get(language));
        model.put("commentLimit", label(language, "comment.limit"));
        model.put("brand", brand);
        model.put("onBrand", Colours.textOn(brand));
        model.put("accent", Colours.accentOnWhite(brand));
        if (brandName != null) {
            model.put("brandName", brandName);
        }
        if (logoUrl != null) {
            model.put("logoUrl", logoUrl);
        }
        return model;
    }

    /** The model of the answer page: the link's page, the form's action (the token), the scale and the comment limit. */
    Map<String, Object> answerModel(AnswerPage page, String action, boolean thanks, boolean autoSend) {
        return answerModel(page, action, thanks, autoSend, Map.of(), Map.of());
    }

    /**
     * The same, with the additional questions as typed when they were refused.
     *
     * @param typed the values sent, by field ({@code q<id>}); a question not in it shows its stored answer
     * @param errors why each refused answer was refused, by field, in the page's language
     */
    Map<String, Object> answerModel(AnswerPage page, String action, boolean thanks, boolean autoSend,
            Map<String, List<String>> typed, Map<String, String> errors) {
        Map<String, Object> model = model(page.language(), page.brandName(), page.colour(), page.logoUrl());
        model.put("page", page);
        model.put("action", action);
        // The thank-you page is /r/<token>/thanks, the form posts to /r/<token>.
        model.put("formAction", thanks ? "../" + action : action);
        model.put("thanks", thanks);
        model.put("autoSend", autoSend);
        model.put("scores", IntStream.rangeClosed(Score.MIN, Score.MAX).boxed().toList());
        model.put("categories", IntStream.rangeClosed(Score.MIN, Score.MAX).mapToObj(s -> NpsCategory.of(s).name()).toList());
        model.put("maxComment", CommentText.MAX_LENGTH);
        model.put("maxAnswer", AnswerValue.MAX_TEXT);
        Map<String, String> why = new LinkedHashMap<>();
        for (NpsCategory category : NpsCategory.values()) {
            if (page.followUps().containsKey(category)) {
                why.put(category.name().toLowerCase(Locale.ROOT), page.followUps().get(category));
            }
        }
        model.put("whyByCategory", why);
        List<QuestionView> questions = page.questions().stream().map(q -> {
            // Before the score is stored, the page's script shows them: without it the page stays as short as ever.
            boolean shown = thanks && q.audience().appliesTo(page.givenCategory());
            return QuestionView.of(q, shown, typed.getOrDefault(q.field(), valuesOf(q.answer())), errors.get(q.field()),
                    q.scale() == null ? null : label(page.language(), "questions.low", q.scale().min()),
                    q.scale() == null ? null : label(page.language(), "questions.high", q.scale().max()));
        }).toList();
        model.put("questions", questions);
        model.put("anyQuestionShown", questions.stream().anyMatch(QuestionView::shown));
        return model;
    }

    /**
     * An additional question as the answer page renders it.
     *
     * @param category the NPS category it is asked of, empty for everyone (what the page's script compares)
     * @param shown visible when the page opens; the others are hidden and disabled, so that they are not sent
     * @param values the values its inputs hold (the stored answer, or what was typed)
     * @param error why the answer sent was refused, else null
     * @param describedBy the ids of the texts that describe it (scale ends, error), else null
     */
    public record QuestionView(AskedQuestion question, String kind, String category, boolean shown, List<String> values,
            List<Integer> ratings, String low, String high, String error, String describedBy) {

        static QuestionView of(AskedQuestion q, boolean shown, List<String> values, String error, String low, String high) {
            NpsCategory category = q.audience().category();
            List<Integer> ratings = q.scale() == null ? List.of()
                    : IntStream.rangeClosed(q.scale().min(), q.scale().max()).boxed().toList();
            List<String> describedBy = new ArrayList<>();
            if (error != null) {
                describedBy.add(q.field() + "-error");
            }
            if (q.scale() != null) {
                describedBy.add(q.field() + "-ends");
            }
            return new QuestionView(q, q.kind().name(), category == null ? "" : category.name(), shown, values, ratings,
                    low, high, error, describedBy.isEmpty() ? null : String.join(" ", describedBy));
        }

        /** Ratings, single choices and yes/no are one group of radio buttons. */
        public boolean radioGroup() {
            return question.kind() != QuestionKind.MULTIPLE_CHOICE && question.kind() != QuestionKind.SHORT_TEXT;
        }
    }

    /** A stored answer as its form fields hold it: the rating, the codes chosen, yes or no, the text. */
    static List<String> valuesOf(AnswerValue answer) {
        if (answer.rating() != null) {
            return List.of(answer.rating().toString());
        }
        if (answer.yesNo() != null) {
            return List.of(answer.yesNo() ? "yes" : "no");
        }
        if (answer.text() != null) {
            return List.of(answer.text());
        }
        return answer.choices();
    }

    /** The labels of the public pages in this language (MessageFormat patterns where they count something). */
    Map<String, String> labels(Language language) {
        return labels.get(language);
    }

    /** One label of the public pages, with {0} replaced by the comment limit written the language's way (2,000 or 2 000). */
    String label(Language language, String key) {
        return label(language, key, CommentText.MAX_LENGTH);
    }

    /** One label of the public pages, with {0} replaced by this number written the language's way. */
    String label(Language language, String key, long number) {
        return labels.get(language).get(key).replace("{0}",
                java.text.NumberFormat.getIntegerInstance(language.locale()).format(number));
    }

    void render(HttpServletResponse response, int status, String template, Map<String, Object> model) throws IOException {
        String nonce = Base64.getEncoder().encodeToString(nonceBytes());
        model.put("nonce", nonce);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'nonce-" + nonce + "'; script-src 'nonce-"
                + nonce + "'; img-src https: http:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
        // Rendered whole, then sent as UTF-8 bytes: the container's writer split an emoji (a surrogate pair) that fell on
        // its buffer's edge and sent it twice (SecurityIT's 2,000-emoji comment came back with 2,001).
        java.io.StringWriter page = new java.io.StringWriter();
        write(template, model, page);
        byte[] body = page.toString().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.getOutputStream().flush();
    }

    /** Renders a page (its model must hold a "nonce"). */
    void write(String template, Map<String, Object> model, Writer out) throws IOException {
        try {
            Template page = freemarker.getTemplate(template + ".ftlh");
            page.process(model, out);
        } catch (TemplateException e) {
            throw new IllegalStateException("Page " + template + " failed", e);
        }
    }

    /** A page with a title and a sentence: errors, expired links, too many requests. */
    public void message(HttpServletResponse response, int status, Language language, String key, String brandName, String colour,
            String logoUrl) throws IOException {
        Map<String, Object> model = model(language, brandName, colour, logoUrl);
        model.put("key", key);
        render(response, status, "message", model);
    }

    private static byte[] nonceBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static Map<String, String> load(Language language) {
        String name = "/respond/pages_" + language.name().toLowerCase(Locale.ROOT) + ".properties";
        try (Reader in = new InputStreamReader(PublicPages.class.getResourceAsStream(name), StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(in);
            Map<String, String> map = new HashMap<>();
            properties.forEach((k, v) -> map.put((String) k, (String) v));
            return Map.copyOf(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
