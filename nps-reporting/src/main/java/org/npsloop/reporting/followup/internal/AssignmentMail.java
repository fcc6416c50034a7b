package org.npsloop.reporting.followup.internal;

import freemarker.template.Configuration;
import freemarker.template.Template;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.nps.NpsCategory;
import org.npsloop.domain.notification.NotificationMail;
import org.npsloop.platform.templates.FreemarkerConfigurations;

/**
 * The mail telling someone a follow-up is theirs, from {@code /followup/assigned.ftlh} (HTML,
 * auto-escaped: comments are the respondents' own words) and {@code assigned.ftl} (plain text), in
 * the owner's language (French or English). Thread-safe.
 */
public final class AssignmentMail {

    /** What the mail says about the follow-up. */
    public record Facts(String to, Language language, int score, String customer, String comment, boolean consent,
            LocalDate due, String link) {
    }

    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("subject", "Follow-up for you: score %d, due %s"),
            Map.entry("intro", "A customer's answer has been assigned to you: please get back to them before the due date."),
            Map.entry("score", "Score"), Map.entry("customer", "Customer"), Map.entry("anonymous", "anonymous"),
            Map.entry("consent", "Agreed to be contacted"), Map.entry("yes", "yes"), Map.entry("no", "no"),
            Map.entry("due", "Due"), Map.entry("comment", "Their comment"), Map.entry("noComment", "No comment."),
            Map.entry("open", "Open the follow-up"),
            Map.entry("DETRACTOR", "detractor"), Map.entry("PASSIVE", "passive"), Map.entry("PROMOTER", "promoter"));
    private static final Map<String, String> FR = Map.ofEntries(
            Map.entry("subject", "Suivi pour vous : note %d, \u00e0 traiter avant le %s"),
            Map.entry("intro", "La r\u00e9ponse d'un client vous a \u00e9t\u00e9 confi\u00e9e : merci de le recontacter avant l'\u00e9ch\u00e9ance."),
            Map.entry("score", "Note"), Map.entry("customer", "Client"), Map.entry("anonymous", "anonyme"),
            Map.entry("consent", "Accepte d'\u00eatre recontact\u00e9"), Map.entry("yes", "oui"), Map.entry("no", "non"),
            Map.entry("due", "\u00c9ch\u00e9ance"), Map.entry("comment", "Son commentaire"),
            Map.entry("noComment", "Pas de commentaire."), Map.entry("open", "Ouvrir le suivi"),
            Map.entry("DETRACTOR", "d\u00e9tracteur"), Map.entry("PASSIVE", "passif"), Map.entry("PROMOTER", "promoteur"));

    private final Template html;
    private final Template text;

    public AssignmentMail() {
        Configuration freemarker = FreemarkerConfigurations.classpath(AssignmentMail.class, "/followup");
        try {
            html = freemarker.getTemplate("assigned.ftlh");
            text = freemarker.getTemplate("assigned.ftl");
        } catch (IOException e) {
            throw new IllegalStateException("Follow-up mail templates missing", e);
        }
    }

    public NotificationMail render(Facts facts) {
        Map<String, String> labels = facts.language() == Language.FR ? FR : EN;
        String due = facts.due().format(DateTimeFormatter.ISO_LOCAL_DATE);
        String subject = String.format(Locale.ROOT, labels.get("subject"), facts.score(), due);
        Map<String, Object> model = new HashMap<>();
        model.put("l", labels);
        model.put("lang", facts.language() == Language.FR ? "fr" : "en");
        model.put("subject", subject);
        model.put("score", facts.score());
        model.put("category", labels.get(NpsCategory.of(facts.score()).name()));
        model.put("customer", facts.customer() == null ? labels.get("anonymous") : facts.customer());
        model.put("consent", labels.get(facts.consent() ? "yes" : "no"));
        model.put("due", due);
        model.put("link", facts.link());
        if (facts.comment() != null) {
            model.put("comment", facts.comment());
        }
        return new NotificationMail(facts.to(), subject, FreemarkerConfigurations.render(html, model), FreemarkerConfigurations.render(text, model));
    }

}
