package org.npsloop.campaigns.deliverability.internal;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.npsloop.campaigns.deliverability.DeliverabilityService.Trace;
import org.npsloop.campaigns.deliverability.internal.ReturnedMail.Kind;
import org.npsloop.domain.deliverability.BounceClassifier;
import org.npsloop.domain.deliverability.DeliveryEventKind;
import org.npsloop.domain.deliverability.DeliverySource;
import org.npsloop.domain.deliverability.MailReference;

/**
 * Reads one mail of the bounce mailbox: a delivery status notification (RFC 3464 multipart/report, with the returned
 * message as message/rfc822 or text/rfc822-headers), the plain-text bounces of qmail (and Yahoo), Postfix, Exim and
 * Exchange that have no status part, an abuse report (ARF, RFC 5965), a mail to the List-Unsubscribe mailto address
 * (RFC 2369/8058), an automatic answer (RFC 3834, out-of-office, read receipt), or none of these. Pure: no I/O beyond
 * the message, nothing stored.
 *
 * <p>Conservative on purpose: a bounce is only reported with a status or SMTP code found in it (the classifier tells
 * hard from soft); a bounce-looking mail without one is UNKNOWN, for an ADMIN to read, rather than a guess that
 * suppresses a good address.
 */
public final class ReturnedMailParser {

    /** Most of a part read: a status part or headers are a few KB; the returned message may be 10 MB. */
    private static final int PART_MAX = 256 * 1024;
    private static final Pattern ENHANCED = Pattern.compile("(?<![\\d.])([245]\\.\\d{1,3}\\.\\d{1,3})(?![\\d.])");
    private static final Pattern SMTP_CODE = Pattern.compile("(?<![\\d.#-])([245]\\d\\d)(?=[ :-]|$)", Pattern.MULTILINE);
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    /** Who sends bounces. */
    private static final Pattern DAEMON = Pattern.compile("^(mailer-daemon|mailer_daemon|mail-daemon|postmaster|mail\\.delivery)@",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DAEMON_NAME = Pattern.compile("mail delivery (subsystem|system|service)|mailer.daemon",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BOUNCE_SUBJECT = Pattern.compile("undeliver|returned mail|delivery (status notification|failure|failed"
            + "|has failed|problem)|mail delivery failed|failure notice|could not be delivered|non remis|non distribu"
            + "|unzustellbar|delivery notification", Pattern.CASE_INSENSITIVE);
    private static final Pattern AUTO_SUBJECT = Pattern.compile("out of (the )?office|automatic reply|auto[- ]?reply|autoresponse"
            + "|auto[- ]?response|absen(ce|t)|vacation|r[ée]ponse automatique|abwesen|on leave|away from",
            Pattern.CASE_INSENSITIVE);
    /** Where a plain-text bounce starts quoting the message it returns. */
    private static final Pattern RETURNED_MARKER = Pattern.compile("^.*(below this line is a copy of the message|enclosed are the "
            + "original headers|this is a copy of the message|original message headers|----- ?original message ?-----"
            + "|undelivered message headers|message headers follow|the original message was received).*$",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    /** The recipient line of qmail, Yahoo and Postfix: "&lt;user@example.com&gt;:" (Postfix goes on on the same line). */
    private static final Pattern ANGLE_RECIPIENT = Pattern.compile("^<(" + ADDRESS.pattern() + ")>:?", Pattern.MULTILINE);
    /** Exim lists the failed addresses indented under "The following address(es) failed:". */
    private static final Pattern EXIM_RECIPIENT = Pattern.compile("address\\(es\\) failed:\\s*\\n\\s*\\n?\\s+(" + ADDRESS.pattern() + ")");
    /** Exchange and Office 365, Gmail: the address in a sentence. */
    private static final Pattern SENTENCE_RECIPIENT = Pattern.compile("(?:failed to these recipients or groups:\\s+|cannot be reached:\\s+|your message to "
            + "|wasn't delivered to |could not be delivered to |not delivered to |unable to deliver your message to the following "
            + "address\\.?\\s+<?)(" + ADDRESS.pattern() + ")", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNSUBSCRIBE_SUBJECT = Pattern.compile("^\\s*unsubscribe\\b\\s*([A-Za-z0-9_-]{20,64})?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern URL_TOKEN = Pattern.compile("/u/([A-Za-z0-9_-]{20,64})");
    private static final Pattern MAILTO_TOKEN = Pattern.compile("subject=unsubscribe(?:%20|\\+|\\s)+([A-Za-z0-9_-]{20,64})",
            Pattern.CASE_INSENSITIVE);
    /** Headers of the bounce that name the address it was sent to (the VERP return path of our message). */
    private static final String[] ENVELOPE = {"Delivered-To", "X-Original-To", "Envelope-To", "X-Envelope-To", "X-Rcpt-To", "To"};

    private final String unsubscribeAddress;

    /** @param unsubscribeAddress the List-Unsubscribe mailto address, or null when there is none */
    public ReturnedMailParser(String unsubscribeAddress) {
        this.unsubscribeAddress = unsubscribeAddress == null ? null : unsubscribeAddress.strip().toLowerCase(Locale.ROOT);
    }

    public ReturnedMail parse(MimeMessage mail) throws MessagingException, IOException {
        Trace envelope = envelopeTrace(mail);
        ContentType type = contentType(mail);
        if (type != null && type.match("multipart/report") && mail.getContent() instanceof Multipart parts) {
            String reportType = Optional.ofNullable(type.getParameter("report-type")).orElse("").toLowerCase(Locale.ROOT);
            Part status = find(parts, "message/delivery-status", "message/global-delivery-status");
            Part feedback = find(parts, "message/feedback-report");
            if (feedback != null || reportType.equals("feedback-report")) {
                return arf(parts, feedback, envelope);
            }
            if (status != null) {
                return dsn(parts, status, envelope);
            }
            if (reportType.contains("disposition-notification") || find(parts, "message/disposition-notification") != null) {
                return ReturnedMail.ignored(Kind.AUTO_REPLY, null, envelope, "Read receipt (RFC 8098)");
            }
        }
        if (toUnsubscribeAddress(mail)) {
            String subject = Optional.ofNullable(mail.getSubject()).orElse("");
            Matcher unsubscribe = UNSUBSCRIBE_SUBJECT.matcher(subject);
            boolean asked = unsubscribe.find();
            // Whatever a person writes to that address asks to unsubscribe; only an automatic answer does not.
            if (asked || !autoReply(mail)) {
                return unsubscribe(mail, envelope, asked ? unsubscribe.group(1) : null);
            }
            return ReturnedMail.ignored(Kind.AUTO_REPLY, null, envelope, autoReplyDetail(mail));
        }
        if (bounceLooking(mail)) {
            return plainBounce(mail, envelope);
        }
        if (autoReply(mail)) {
            return ReturnedMail.ignored(Kind.AUTO_REPLY, null, envelope, autoReplyDetail(mail));
        }
        return ReturnedMail.unknown(envelope, "Neither a delivery report, an abuse report, an unsubscribe nor an automatic reply");
    }

    // ---- RFC 3464 ------------------------------------------------------------------------------------------------

    private ReturnedMail dsn(Multipart parts, Part statusPart, Trace envelope) throws MessagingException, IOException {
        String statusText = text(statusPart);
        List<InternetHeaders> groups = groups(statusText);
        InternetHeaders chosen = null;
        int rank = Integer.MAX_VALUE;
        // One recipient per message of ours; in a report about several, the first failure speaks.
        for (InternetHeaders group : groups.subList(Math.min(1, groups.size()), groups.size())) {
            String action = Optional.ofNullable(field(group, "Action")).orElse("").toLowerCase(Locale.ROOT);
            int r = action.startsWith("failed") ? 0 : action.startsWith("delayed") ? 1 : 2;
            if (r < rank) {
                rank = r;
                chosen = group;
            }
        }
        Returned returned = returned(parts);
        Trace trace = returned.into(envelope);
        String evidence = evidence(statusText, returned.headers());
        if (chosen == null) {
            return new ReturnedMail(Kind.UNKNOWN, DeliverySource.DSN, trace, null, "A delivery report without recipients", evidence);
        }
        String email = address(field(chosen, "Final-Recipient"));
        if (email == null) {
            email = address(field(chosen, "Original-Recipient"));
        }
        trace = email != null ? trace.withEmail(email) : trace;
        String action = Optional.ofNullable(field(chosen, "Action")).orElse("").toLowerCase(Locale.ROOT);
        String status = firstEnhanced(field(chosen, "Status"));
        String diagnostic = field(chosen, "Diagnostic-Code");
        String detail = line(String.join(" ", nonNull(status, diagnostic == null ? action : diagnostic)));
        if (action.startsWith("delayed")) {
            return new ReturnedMail(Kind.DELAYED, DeliverySource.DSN, trace, status, detail, evidence);
        }
        if (action.startsWith("delivered") || action.startsWith("relayed") || action.startsWith("expanded")) {
            return new ReturnedMail(Kind.DELIVERED, DeliverySource.DSN, trace, status, detail, evidence);
        }
        if (status == null && diagnostic == null) {
            return new ReturnedMail(Kind.UNKNOWN, DeliverySource.DSN, trace, null, detail, evidence);
        }
        return classified(status, diagnostic, trace, detail, evidence);
    }

    private static ReturnedMail classified(String status, String diagnostic, Trace trace, String detail, String evidence) {
        Optional<DeliveryEventKind> kind = BounceClassifier.classify(status, 0, diagnostic);
        Kind result = kind.map(k -> k == DeliveryEventKind.HARD_BOUNCE ? Kind.HARD_BOUNCE : Kind.SOFT_BOUNCE).orElse(Kind.DELIVERED);
        String code = status != null ? status : firstEnhanced(diagnostic);
        if (code == null && diagnostic != null) {
            Matcher smtp = SMTP_CODE.matcher(diagnostic);
            code = smtp.find() ? smtp.group(1) : null;
        }
        return new ReturnedMail(result, DeliverySource.DSN, trace, code, detail, evidence);
    }

    /** The status part's field groups (the per-message group first), each read as a header block. */
    private static List<InternetHeaders> groups(String statusText) throws MessagingException {
        List<InternetHeaders> groups = new ArrayList<>();
        for (String block : statusText.replace("\r\n", "\n").split("\n\\s*\n")) {
            if (!block.isBlank()) {
                groups.add(new InternetHeaders(new ByteArrayInputStream((block.strip() + "\n\n").getBytes(StandardCharsets.UTF_8))));
            }
        }
        return groups;
    }

    // ---- RFC 5965 ------------------------------------------------------------------------------------------------

    private ReturnedMail arf(Multipart parts, Part feedbackPart, Trace envelope) throws MessagingException, IOException {
        String feedbackText = feedbackPart == null ? "" : text(feedbackPart);
        InternetHeaders feedback = new InternetHeaders(new ByteArrayInputStream((feedbackText.strip() + "\n\n")
                .getBytes(StandardCharsets.UTF_8)));
        Returned returned = returned(parts);
        Trace trace = returned.into(envelope);
        Optional<MailReference> fromEnvelope = MailReference.inAddress(field(feedback, "Original-Mail-From"));
        if (trace.reference() == null && fromEnvelope.isPresent()) {
            trace = trace.withReference(fromEnvelope.get());
        }
        String recipient = address(field(feedback, "Original-Rcpt-To"));
        if (recipient != null) {
            trace = trace.withEmail(recipient);
        }
        String type = Optional.ofNullable(field(feedback, "Feedback-Type")).orElse("").strip().toLowerCase(Locale.ROOT);
        String agent = field(feedback, "User-Agent");
        String detail = line("Feedback-Type: " + (type.isEmpty() ? "?" : type) + (agent == null ? "" : " from " + agent));
        String evidence = evidence(feedbackText, returned.headers());
        // abuse (and fraud, a phishing complaint) are the person's "this is spam"; not-spam, virus, auth-failure and
        // other are not complaints against the address: an ADMIN reads them.
        Kind kind = type.equals("abuse") || type.equals("fraud") ? Kind.COMPLAINT : Kind.UNKNOWN;
        return new ReturnedMail(kind, DeliverySource.ARF, trace, null, detail, evidence);
    }

    // ---- RFC 2369 mailto -----------------------------------------------------------------------------------------

    private boolean toUnsubscribeAddress(MimeMessage mail) throws MessagingException {
        if (unsubscribeAddress == null) {
            return false;
        }
        for (String name : ENVELOPE) {
            for (String value : headers(mail, name)) {
                if (value.toLowerCase(Locale.ROOT).contains(unsubscribeAddress)) {
                    return true;
                }
            }
        }
        for (String value : headers(mail, "Cc")) {
            if (value.toLowerCase(Locale.ROOT).contains(unsubscribeAddress)) {
                return true;
            }
        }
        return false;
    }

    private static ReturnedMail unsubscribe(MimeMessage mail, Trace envelope, String token) throws MessagingException {
        Trace trace = envelope;
        if (token != null) {
            trace = trace.withToken(token);
        }
        Address[] from = mail.getFrom();
        if (from != null && from.length > 0 && from[0] instanceof InternetAddress sender) {
            trace = trace.withEmail(sender.getAddress());
        }
        String subject = Optional.ofNullable(mail.getSubject()).orElse("");
        String evidence = String.join("\n", headers(mail, "From", "To", "Subject", "Date", "Message-ID"));
        return new ReturnedMail(Kind.UNSUBSCRIBE, DeliverySource.MAILTO, trace, null,
                line("Mail to the unsubscribe address: " + subject), evidence);
    }

    // ---- Automatic replies (RFC 3834) ----------------------------------------------------------------------------

    private static boolean autoReply(MimeMessage mail) throws MessagingException {
        String submitted = first(mail, "Auto-Submitted");
        if (submitted != null && !submitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return true;
        }
        if (first(mail, "X-Autoreply") != null || first(mail, "X-Autorespond") != null || first(mail, "X-Autoresponder") != null) {
            return true;
        }
        String precedence = Optional.ofNullable(first(mail, "Precedence")).orElse("").strip().toLowerCase(Locale.ROOT);
        if (precedence.equals("auto_reply")) {
            return true;
        }
        String subject = mail.getSubject();
        return subject != null && AUTO_SUBJECT.matcher(subject).find();
    }

    private static String autoReplyDetail(MimeMessage mail) throws MessagingException {
        return line("Automatic reply: " + Optional.ofNullable(mail.getSubject()).orElse(""));
    }

    // ---- Plain-text bounces --------------------------------------------------------------------------------------

    private static boolean bounceLooking(MimeMessage mail) throws MessagingException {
        if (first(mail, "X-Failed-Recipients") != null) {
            return true;
        }
        Address[] from = mail.getFrom();
        if (from != null) {
            for (Address address : from) {
                if (address instanceof InternetAddress sender && ((sender.getAddress() != null
                        && DAEMON.matcher(sender.getAddress()).find())
                        || (sender.getPersonal() != null && DAEMON_NAME.matcher(sender.getPersonal()).find()))) {
                    return true;
                }
            }
        }
        String subject = mail.getSubject();
        return subject != null && BOUNCE_SUBJECT.matcher(subject).find();
    }

    private ReturnedMail plainBounce(MimeMessage mail, Trace envelope) throws MessagingException, IOException {
        String body = bodyText(mail).replace("\r\n", "\n");
        Matcher marker = RETURNED_MARKER.matcher(body);
        String report = body;
        String quoted = null;
        if (marker.find()) {
            report = body.substring(0, marker.start());
            quoted = body.substring(marker.end()).replaceFirst("^\\s*\\n", "");
        }
        Returned returned = null;
        if (mail.getContent() instanceof Multipart parts) {
            returned = returned(parts);
        }
        if ((returned == null || returned.headers() == null) && quoted != null) {
            returned = Returned.of(headerBlock(quoted));
        }
        if (returned == null) {
            returned = Returned.of(null);
        }
        Trace trace = returned.into(envelope);
        String recipient = failedRecipient(mail, report);
        if (recipient != null) {
            trace = trace.withEmail(recipient);
        }
        String diagnostic = diagnostic(report, recipient);
        String evidence = evidence(line(mail.getSubject()) + "\n\n" + report.strip(), returned.headers());
        if (diagnostic == null) {
            return new ReturnedMail(Kind.UNKNOWN, DeliverySource.DSN, trace, null,
                    line("A bounce without a status or SMTP code: " + Optional.ofNullable(mail.getSubject()).orElse("")), evidence);
        }
        String status = firstEnhanced(diagnostic);
        String lower = report.toLowerCase(Locale.ROOT);
        ReturnedMail read = classified(status, diagnostic, trace, line(diagnostic), evidence);
        if (read.kind() == Kind.DELIVERED) {
            return read;
        }
        // qmail says it in words; a temporary failure given up on is not the address's fault.
        if (status == null && lower.contains("this is a permanent error") && read.kind() == Kind.SOFT_BOUNCE
                && !SMTP_CODE.matcher(diagnostic).find()) {
            return new ReturnedMail(Kind.HARD_BOUNCE, read.source(), trace, read.statusCode(), read.detail(), evidence);
        }
        return read;
    }

    /** The address that failed: Exim's header, else the first recipient line or sentence of the known formats. */
    private static String failedRecipient(MimeMessage mail, String report) throws MessagingException {
        String failed = first(mail, "X-Failed-Recipients");
        if (failed != null) {
            Matcher m = ADDRESS.matcher(failed);
            if (m.find()) {
                return m.group();
            }
        }
        for (Pattern pattern : List.of(ANGLE_RECIPIENT, EXIM_RECIPIENT, SENTENCE_RECIPIENT)) {
            Matcher m = pattern.matcher(report);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    /**
     * The server's answer: the recipient's paragraph when it holds a code (qmail, Postfix, Exim), else the first line
     * of the report with a status or SMTP code and the line after it (Exchange's "Remote Server returned '550 ...'").
     */
    private static String diagnostic(String report, String recipient) {
        if (recipient != null) {
            int at = report.indexOf(recipient);
            if (at >= 0) {
                int lineStart = report.lastIndexOf('\n', at) + 1;
                int end = report.indexOf("\n\n", at);
                String paragraph = report.substring(lineStart, end < 0 ? report.length() : end);
                if (hasCode(paragraph)) {
                    return paragraph.strip().replaceAll("\\s+", " ");
                }
            }
        }
        String[] lines = report.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (ENHANCED.matcher(lines[i]).find() || (SMTP_CODE.matcher(lines[i]).find() && lines[i].matches("(?i).*(said|returned|error"
                    + "|reply|remote|smtp|\\d\\d\\d[ -]\\d\\.).*"))) {
                String next = i + 1 < lines.length ? lines[i + 1] : "";
                return (lines[i] + " " + next).strip().replaceAll("\\s+", " ");
            }
        }
        return null;
    }

    private static boolean hasCode(String text) {
        return ENHANCED.matcher(text).find() || SMTP_CODE.matcher(text).find();
    }

    // ---- The returned message ------------------------------------------------------------------------------------

    /** The returned message's headers, as text, and what they say about our message. */
    private record Returned(String headers, MailReference reference, String messageId, String token, String recipient) {

        static Returned of(String headers) throws MessagingException {
            if (headers == null || headers.isBlank()) {
                return new Returned(null, null, null, null, null);
            }
            InternetHeaders parsed = new InternetHeaders(new ByteArrayInputStream((headers.strip() + "\n\n")
                    .getBytes(StandardCharsets.UTF_8)));
            MailReference reference = MailReference.inAddress(field(parsed, "Return-Path")).orElse(null);
            String messageId = field(parsed, "Message-ID");
            if (messageId != null) {
                messageId = messageId.strip();
            }
            return new Returned(headers, reference, messageId, unsubscribeToken(field(parsed, "List-Unsubscribe")),
                    address(field(parsed, "To")));
        }

        Trace into(Trace envelope) {
            Trace trace = envelope;
            if (trace.reference() == null && reference != null) {
                trace = trace.withReference(reference);
            }
            if (messageId != null) {
                trace = trace.withMessageId(messageId);
            }
            if (token != null) {
                trace = trace.withToken(token);
            }
            if (trace.email() == null && recipient != null) {
                trace = trace.withEmail(recipient);
            }
            return trace;
        }
    }

    private static Returned returned(Multipart parts) throws MessagingException, IOException {
        Part part = find(parts, "message/rfc822", "message/global", "text/rfc822-headers", "message/rfc822-headers",
                "message/global-headers");
        return Returned.of(part == null ? null : headerBlock(text(part)));
    }

    /** The header block at the start of a text (up to its first empty line). */
    private static String headerBlock(String text) {
        String normalized = text.replace("\r\n", "\n");
        int end = normalized.indexOf("\n\n");
        return end < 0 ? normalized : normalized.substring(0, end);
    }

    static String unsubscribeToken(String listUnsubscribe) {
        if (listUnsubscribe == null) {
            return null;
        }
        Matcher url = URL_TOKEN.matcher(listUnsubscribe);
        if (url.find()) {
            return url.group(1);
        }
        Matcher mailto = MAILTO_TOKEN.matcher(URLDecoder.decode(listUnsubscribe.replace("+", "%2B"), StandardCharsets.UTF_8));
        return mailto.find() ? mailto.group(1) : null;
    }

    // ---- Envelope ------------------------------------------------------------------------------------------------

    /** The reference of the VERP address the bounce came back to (bounces+&lt;ref&gt;@...), from the headers that name it. */
    private static Trace envelopeTrace(MimeMessage mail) throws MessagingException {
        for (String name : ENVELOPE) {
            for (String value : headers(mail, name)) {
                Optional<MailReference> reference = MailReference.inAddress(value);
                if (reference.isPresent()) {
                    return new Trace(null, reference.get(), null, null, null);
                }
            }
        }
        return new Trace(null, null, null, null, null);
    }

    // ---- MIME helpers --------------------------------------------------------------------------------------------

    private static ContentType contentType(Part part) throws MessagingException {
        try {
            return new ContentType(part.getContentType());
        } catch (ParseException | NullPointerException e) {
            return null;
        }
    }

    /** The first part of one of these types, looking into nested multiparts. */
    private static Part find(Multipart parts, String... types) throws MessagingException, IOException {
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            ContentType type = contentType(part);
            if (type == null) {
                continue;
            }
            for (String wanted : types) {
                if (type.match(wanted)) {
                    return part;
                }
            }
            if (type.match("multipart/*") && part.getContent() instanceof Multipart nested) {
                Part found = find(nested, types);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** A part's decoded bytes as text, at most {@link #PART_MAX} bytes. */
    private static String text(Part part) throws MessagingException, IOException {
        ContentType type = contentType(part);
        String charset = type == null ? null : type.getParameter("charset");
        try (InputStream in = part.getInputStream()) {
            byte[] bytes = in.readNBytes(PART_MAX);
            if (charset != null) {
                try {
                    return new String(bytes, MimeUtility.javaCharset(charset));
                } catch (UnsupportedEncodingException e) {
                    // read as UTF-8 below
                }
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** The human-readable text of a mail: its text/plain parts (the first level and nested), in order. */
    private static String bodyText(Part part) throws MessagingException, IOException {
        ContentType type = contentType(part);
        if (type == null || type.match("text/plain") || (type.match("text/*") && !type.match("text/html")
                && !type.match("text/rfc822-headers"))) {
            return text(part);
        }
        if (type.match("multipart/*") && part.getContent() instanceof Multipart parts) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < parts.getCount() && out.length() < PART_MAX; i++) {
                BodyPart child = parts.getBodyPart(i);
                ContentType childType = contentType(child);
                if (childType != null && (childType.match("message/*") || childType.match("text/rfc822-headers"))) {
                    continue;
                }
                out.append(bodyText(child)).append('\n');
            }
            return out.toString();
        }
        if (type.match("text/html")) {
            return text(part).replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("<br\\s*/?>|</p>|</div>", "\n")
                    .replaceAll("<[^>]+>", " ");
        }
        return "";
    }

    private static String field(InternetHeaders headers, String name) {
        String value = headers.getHeader(name, "\n");
        return value == null ? null : value.replaceAll("\\s+", " ").strip();
    }

    private static String first(MimeMessage mail, String name) throws MessagingException {
        String[] values = mail.getHeader(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    private static List<String> headers(MimeMessage mail, String... names) throws MessagingException {
        List<String> out = new ArrayList<>();
        for (String name : names) {
            String[] values = mail.getHeader(name);
            if (values != null) {
                for (String value : values) {
                    out.add(names.length == 1 ? value : name + ": " + value);
                }
            }
        }
        return out;
    }

    /** The address of "rfc822; user@example.com", "&lt;user@example.com&gt;" or a plain address; null when none. */
    static String address(String field) {
        if (field == null) {
            return null;
        }
        String value = field.contains(";") ? field.substring(field.indexOf(';') + 1) : field;
        try {
            InternetAddress[] parsed = InternetAddress.parseHeader(value.strip(), false);
            if (parsed.length > 0 && parsed[0].getAddress() != null && ADDRESS.matcher(parsed[0].getAddress()).matches()) {
                return parsed[0].getAddress();
            }
        } catch (AddressException e) {
            // looked for in the text below
        }
        Matcher m = ADDRESS.matcher(value);
        return m.find() ? m.group() : null;
    }

    private static String firstEnhanced(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = ENHANCED.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static String evidence(String part, String returnedHeaders) {
        String text = part.strip() + (returnedHeaders == null ? "" : "\n\n" + returnedHeaders.strip());
        return ReturnedMail.cut(text, ReturnedMail.EVIDENCE_MAX);
    }

    /** One line of at most 300 characters. */
    private static String line(String text) {
        if (text == null) {
            return "";
        }
        return ReturnedMail.cut(text.replaceAll("\\s+", " ").strip(), 300);
    }

    private static List<String> nonNull(String... values) {
        List<String> out = new ArrayList<>();
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                out.add(value);
            }
        }
        return out;
    }
}
