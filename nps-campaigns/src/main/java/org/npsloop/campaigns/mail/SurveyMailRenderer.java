package org.npsloop.campaigns.mail;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import java.io.ByteArrayOutputStream;
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

    /**
     * What a mail says, ready for a MIME message.
     *
     * @param encoded the quoted-printable form of {@code html} and {@code text} when a {@link Prepared} letter made
     *        it (most of it encoded once per letter), else null: {@link InvitationMessages} encodes the texts
     */
    public record Content(String subject, String html, String text, Encoded encoded) {

        public Content(String subject, String html, String text) {
            this(subject, html, text, null);
        }
    }

    /** The quoted-printable parts of one message of a prepared letter. */
    public static final class Encoded {
        private final Lines html;
        private final Lines text;
        private final String token;
        private final String firstNameHtml;
        private final String firstName;

        private Encoded(Lines html, Lines text, String token, String firstNameHtml, String firstName) {
            this.html = html;
            this.text = text;
            this.token = token;
            this.firstNameHtml = firstNameHtml;
            this.firstName = firstName;
        }

        void html(ByteArrayOutputStream out) {
            html.write(out, token, firstNameHtml);
        }

        void text(ByteArrayOutputStream out) {
            text.write(out, token, firstName);
        }
    }

    /**
     * A marked text cut into lines for quoted-printable: a line break resets the encoder's column, so the encoding
     * of a text is that of its lines joined by CRLF. Lines without a mark (most of the HTML) are encoded once.
     */
    private static final class Lines {
        /** byte[]: a line encoded, with its CRLF; String[]: the pieces of a marked line between its marks. */
        private final List<Object> lines = new ArrayList<>();
        private final List<String> marked = new ArrayList<>();
        private final List<Boolean> broken = new ArrayList<>();

        Lines(String text) {
            int start = 0;
            while (start <= text.length()) {
                int end = start;
                while (end < text.length() && text.charAt(end) != '\r' && text.charAt(end) != '\n') {
                    end++;
                }
                String line = text.substring(start, end);
                boolean breaks = end < text.length();
                if (line.contains(TOKEN_MARK) || line.contains(FIRST_NAME_MARK)) {
                    lines.add(line.split(MARKS, -1));
                } else {
                    ByteArrayOutputStream encoded = new ByteArrayOutputStream(line.length() + 8);
                    QuotedPrintable.encode(line, encoded);
                    if (breaks) {
                        encoded.write('\r');
                        encoded.write('\n');
                    }
                    lines.add(encoded.toByteArray());
                }
                marked.add(line);
                broken.add(breaks);
                if (!breaks) {
                    break;
                }
                start = end + (text.startsWith("\r\n", end) ? 2 : 1);
            }
        }

        void write(ByteArrayOutputStream out, String token, String firstName) {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i) instanceof byte[] encoded) {
                    out.writeBytes(encoded);
                } else {
                    QuotedPrintable.encode(Prepared.join(marked.get(i), (String[]) lines.get(i), token, firstName), out);
                    if (broken.get(i)) {
                        out.write('\r');
                        out.write('\n');
                    }
                }
            }
        }
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
        return new Content(prefix + " " + content.subject(), content.html(), content.text(), content.encoded());
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
        if (hasFirstName(mail.firstName())) {
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

    /**
     * The mail of one survey letter (one language, one base URL) rendered once, with markers where each
     * recipient's token and first name go: {@link Prepared#render} then only joins strings. Rendering both
     * templates for every message was the largest share of a sending thread's CPU after the MIME encoding.
     *
     * @param sample any recipient's mail of that letter; its first name, token and recipient are not kept
     */
    public Prepared prepare(InvitationMail sample) {
        return new Prepared(sample, hasFirstName(sample.firstName()));
    }

    /** See {@link #prepare}. Thread-safe. */
    public final class Prepared {
        private final InvitationMail letter;
        private final boolean withFirstName;
        private final Content marked;
        private final String[] html;
        private final String[] text;
        private final Lines htmlLines;
        private final Lines textLines;

        private Prepared(InvitationMail sample, boolean withFirstName) {
            this.letter = sample;
            this.withFirstName = withFirstName;
            this.marked = SurveyMailRenderer.this.render(new InvitationMail(sample.recipient(), withFirstName ? FIRST_NAME_MARK : null,
                    sample.language(), sample.brandName(), sample.colour(), sample.logoUrl(), sample.postalAddress(),
                    sample.texts(), sample.baseUrl(), TOKEN_MARK), false);
            this.html = marked.html().split(MARKS, -1);
            this.text = marked.text().split(MARKS, -1);
            this.htmlLines = new Lines(marked.html());
            this.textLines = new Lines(marked.text());
        }

        /**
         * The same content as {@link SurveyMailRenderer#render(InvitationMail)} of {@code mail}, which must be of
         * this letter (recipient, first name and token may differ).
         */
        public Content render(InvitationMail mail) {
            if (hasFirstName(mail.firstName()) != withFirstName || !URL_SAFE.matcher(mail.token()).matches()
                    || !sameLetter(mail)) {
                return SurveyMailRenderer.this.render(mail); // not what was prepared: rendered in full
            }
            String first = withFirstName ? mail.firstName() : null;
            String firstHtml = first == null ? null : HTMLOutputFormat.INSTANCE.escapePlainText(first);
            return new Content(marked.subject(), join(marked.html(), html, mail.token(), firstHtml),
                    join(marked.text(), text, mail.token(), first), new Encoded(htmlLines, textLines, mail.token(), firstHtml, first));
        }

        private boolean sameLetter(InvitationMail mail) {
            return mail.language() == letter.language() && mail.texts() == letter.texts()
                    && java.util.Objects.equals(mail.brandName(), letter.brandName())
                    && java.util.Objects.equals(mail.colour(), letter.colour())
                    && java.util.Objects.equals(mail.logoUrl(), letter.logoUrl())
                    && java.util.Objects.equals(mail.postalAddress(), letter.postalAddress())
                    && mail.baseUrl().equals(letter.baseUrl());
        }

        /** The pieces between the marks, each mark replaced by what it stands for, in the order of the marked text. */
        private static String join(String marked, String[] pieces, String token, String firstName) {
            StringBuilder out = new StringBuilder(marked.length() + 16 * pieces.length);
            int at = 0;
            for (int i = 0; i < pieces.length; i++) {
                out.append(pieces[i]);
                at += pieces[i].length();
                if (i < pieces.length - 1) {
                    boolean token1 = marked.startsWith(TOKEN_MARK, at);
                    out.append(token1 ? token : firstName);
                    at += token1 ? TOKEN_MARK.length() : FIRST_NAME_MARK.length();
                }
            }
            return out.toString();
        }
    }

    /** Random per start, so that no survey text can contain them; letters and digits only, unchanged by escaping. */
    private static final String TOKEN_MARK = "npstok" + Long.toHexString(new java.security.SecureRandom().nextLong() | Long.MIN_VALUE);
    private static final String FIRST_NAME_MARK = "npsfirst" + Long.toHexString(new java.security.SecureRandom().nextLong() | Long.MIN_VALUE);
    private static final String MARKS = TOKEN_MARK + "|" + FIRST_NAME_MARK;
    /** Tokens are URL-safe base64 (InvitationToken): the same in a URL, in HTML and in text. */
    private static final java.util.regex.Pattern URL_SAFE = java.util.regex.Pattern.compile("[A-Za-z0-9_-]+");

    /** Whether the mail greets its recipient by this first name; mails that do and mails that do not are prepared apart. */
    public static boolean hasFirstName(String firstName) {
        return firstName != null && !firstName.isBlank();
    }

    private static Map<String, String> labels(Language language) {
        ResourceBundle bundle = ResourceBundle.getBundle(LABELS, language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> labels = new HashMap<>();
        bundle.keySet().forEach(key -> labels.put(key, bundle.getString(key)));
        return Map.copyOf(labels);
    }

}
