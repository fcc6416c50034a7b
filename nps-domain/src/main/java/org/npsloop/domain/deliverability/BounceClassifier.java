package org.npsloop.domain.deliverability;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a hard bounce (the address will never work: suppress at once) from a soft one (it may work later: suppress
 * only after several) from what a mail system said: the enhanced status code of RFC 3463 when there is one, else the
 * SMTP reply code and the diagnostic text. Only problems of the address itself are hard: a refusal for our
 * reputation, our content or a full mailbox says nothing against the address, and suppressing on it is the false
 * positive bounce processors are blamed for (listmonk, Mautic).
 */
public final class BounceClassifier {

    private static final Pattern ENHANCED = Pattern.compile("\\b([245])\\.(\\d{1,3})\\.(\\d{1,3})\\b");
    private static final Pattern SMTP_CODE = Pattern.compile("\\b([245])\\d\\d\\b");
    /** Texts of providers that say the address does not exist, whatever code they chose. */
    private static final Pattern NO_SUCH_ADDRESS = Pattern.compile(
            "user unknown|unknown user|no such (user|mailbox|recipient|address)|does not exist|doesn't exist"
                    + "|unknown recipient|recipient (address )?rejected: user|invalid (recipient|mailbox|address)"
                    + "|recipient not found|mailbox not found|mailbox unavailable|address not found|account (has been )?disabled"
                    + "|no mailbox here|not a valid mailbox|unrouteable address|name or service not known|host not found"
                    + "|domain not found|no mx|utilisateur inconnu|adresse inconnue|n'existe pas");
    private static final Pattern NOT_THE_ADDRESS = Pattern.compile(
            "mailbox (is )?full|quota|over quota|insufficient storage|too many|rate limit|throttl|try again|spam"
                    + "|blocked|block list|blacklist|blocklist|reputation|policy|dmarc|spf|dkim|content|message too (large|big)"
                    + "|greylist|temporar");

    private BounceClassifier() {
    }

    /**
     * @param status the enhanced status code ("5.1.1"), or null
     * @param smtpCode the SMTP reply code (550), or 0
     * @param diagnostic what the server said, or null
     * @return HARD_BOUNCE, SOFT_BOUNCE, or empty when it is no failure (2.x.x: delivered, relayed)
     */
    public static Optional<DeliveryEventKind> classify(String status, int smtpCode, String diagnostic) {
        String text = diagnostic == null ? "" : diagnostic.toLowerCase(Locale.ROOT);
        String enhanced = status != null && ENHANCED.matcher(status).find() ? status : null;
        if (enhanced == null) {
            Matcher inText = ENHANCED.matcher(text);
            enhanced = inText.find() ? inText.group() : null;
        }
        if (smtpCode == 0) {
            Matcher code = SMTP_CODE.matcher(text);
            smtpCode = code.find() ? Integer.parseInt(code.group()) : 0;
        }
        if (enhanced != null) {
            Matcher m = ENHANCED.matcher(enhanced);
            m.find();
            return byEnhanced(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), text);
        }
        if (smtpCode >= 200 && smtpCode < 400) {
            return Optional.empty();
        }
        if (smtpCode >= 400 && smtpCode < 500) {
            return Optional.of(DeliveryEventKind.SOFT_BOUNCE);
        }
        return Optional.of(byText(text, DeliveryEventKind.HARD_BOUNCE));
    }

    private static Optional<DeliveryEventKind> byEnhanced(int klass, int subject, int detail, String text) {
        if (klass == 2) {
            return Optional.empty();
        }
        if (klass == 4) {
            return Optional.of(DeliveryEventKind.SOFT_BOUNCE);
        }
        return Optional.of(switch (subject) {
            case 1 -> DeliveryEventKind.HARD_BOUNCE; // bad destination mailbox or system, syntax, moved, null MX
            case 2 -> detail == 1 ? DeliveryEventKind.HARD_BOUNCE : DeliveryEventKind.SOFT_BOUNCE; // disabled vs full, too big
            case 4 -> detail == 4 ? DeliveryEventKind.HARD_BOUNCE : DeliveryEventKind.SOFT_BOUNCE; // no route to the domain
            case 0, 7 -> byText(text, DeliveryEventKind.SOFT_BOUNCE); // undefined, or policy: hard only if it names the address
            default -> DeliveryEventKind.SOFT_BOUNCE; // mail system, protocol, content
        });
    }

    private static DeliveryEventKind byText(String text, DeliveryEventKind otherwise) {
        if (NO_SUCH_ADDRESS.matcher(text).find()) {
            return DeliveryEventKind.HARD_BOUNCE;
        }
        if (NOT_THE_ADDRESS.matcher(text).find()) {
            return DeliveryEventKind.SOFT_BOUNCE;
        }
        return otherwise;
    }
}
