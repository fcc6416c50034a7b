package org.npsloop.campaigns.mail;

import freemarker.template.Configuration;
import freemarker.template.Template;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.nps.Score;
import org.npsloop.domain.survey.SurveyTexts;
import org.npsloop.platform.templates.FreemarkerConfigurations;

/**
 * Renders survey emails from the FreeMarker templates in {@code /mail}: {@code invitation.ftlh}
 * (HTML, auto-escaped) and {@code invitation.ftl} (plain text). Thread-safe: one instance for all.
 */
public final class SurveyMailRenderer {

    /** What a mail says, ready for a MIME message. */
    public record Content(String subject, String html, String text) {
    }

    /** One score button: all in the brand colour, so that no colour nudges the answer. */
    public record ScoreLink(int score, String url, String background) {
    }

    private static final String LABELS = "org.npsloop.campaigns.mail.labels";

    private final Configuration freemarker;
    /** Compiled once and shared (a Template is thread-safe), rather than asked of the template cache per message. */
    /** The labels of each language, read once: building them for every message showed in profiles. */
    private final Map<Language, Map<String, String>> labels = new ConcurrentHashMap<>();

    public SurveyMailRenderer() {
        freemarker = FreemarkerConfigurations.classpath(SurveyMailRenderer.class, "/mail");
    }

    public Content render(InvitationMail mail) {
        return render(mail, false);
    }

    /**
     * @param dummyLinks true for a preview or a test message: a notice at the top says that its buttons
     *        record nothing (their links, see {@link SampleMail}, lead nowhere)
     */
    /** The same mail as a reminder: its subject says so, in the mail's language. */
    public Content asReminder(Content content, Language language) {
        String prefix = labels.computeIfAbsent(language, SurveyMailRenderer::labels).get("reminderPrefix");
        return new Content(prefix + " " + content.subject(), content.html(), content.text());
    }

    public Content render(InvitationMail mail, boolean dummyLinks) {
        SurveyTexts texts = mail.texts();
        Map<String, Object> model = new HashMap<>();
        String subject = SurveyTexts.withCompany(texts.getSubject(), mail.brandName());
        model.put("lang", mail.language().name().toLowerCase(java.util.Locale.ROOT));
        model.put("subject", subject);
        model.put("question", SurveyTexts.withCompany(texts.getQuestion(), mail.brandName()));
        model.put("brandName", mail.brandName());
        model.put("colour", mail.colour());
        if (mail.logoUrl() != null) {
            model.put("logoUrl", mail.logoUrl());
        }
        if (mail.firstName() != null && !mail.firstName().isBlank()) {
            model.put("firstName", mail.firstName());
        }
        if (mail.postalAddress() != null) {
            model.put("postalAddress", mail.postalAddress());
        }
        List<ScoreLink> links = new ArrayList<>();
        for (int score = Score.MIN; score <= Score.MAX; score++) {
            links.add(new ScoreLink(score, mail.scoreUrl(score), mail.colour()));
        }
        model.put("scoreLinks", links);
        model.put("unsubscribeUrl", mail.unsubscribeUrl());
        Map<String, String> labelsOfLanguage = labels.computeIfAbsent(mail.language(), SurveyMailRenderer::labels);
        model.put("labels", labelsOfLanguage);
        if (dummyLinks) {
            model.put("testNotice", labelsOfLanguage.get("testNotice"));
        }
        return new Content(subject, FreemarkerConfigurations.render(freemarker, "invitation.ftlh", model),
                FreemarkerConfigurations.render(freemarker, "invitation.ftl", model));
    }

    private static Map<String, String> labels(Language language) {
        ResourceBundle bundle = ResourceBundle.getBundle(LABELS, language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> labels = new HashMap<>();
        bundle.keySet().forEach(key -> labels.put(key, bundle.getString(key)));
        return Map.copyOf(labels);
    }

}
