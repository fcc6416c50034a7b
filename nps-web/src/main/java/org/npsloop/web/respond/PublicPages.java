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
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import org.npsloop.campaigns.respond.RespondentService.AnswerPage;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.nps.Score;
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
        model.put("lang", language.name().toLowerCase(java.util.Locale.ROOT));
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
        Map<String, Object> model = model(page.language(), page.brandName(), page.colour(), page.logoUrl());
        model.put("page", page);
        model.put("action", action);
        model.put("thanks", thanks);
        model.put("autoSend", autoSend);
        model.put("scores", IntStream.rangeClosed(Score.MIN, Score.MAX).boxed().toList());
        model.put("maxComment", CommentText.MAX_LENGTH);
        return model;
    }

    /** The labels of the public pages in this language (MessageFormat patterns where they count something). */
    Map<String, String> labels(Language language) {
        return labels.get(language);
    }

    /** One label of the public pages, with {0} replaced by the comment limit written the language's way (2,000 or 2 000). */
    String label(Language language, String key) {
        return labels.get(language).get(key).replace("{0}",
                java.text.NumberFormat.getIntegerInstance(language.locale()).format(CommentText.MAX_LENGTH));
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
        Writer out = response.getWriter();
        write(template, model, out);
        out.flush();
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
        String name = "/respond/pages_" + language.name().toLowerCase(java.util.Locale.ROOT) + ".properties";
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
