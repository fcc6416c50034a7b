package org.npsloop.campaigns.survey;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Who a survey's test message may go to: the signed-in user's own address, or an address an ADMIN
 * allowed in {@code nps.test-mail.allowed} (comma-separated addresses, and {@code @domain} entries for
 * a whole domain, e.g. {@code @acme.example,qa@agency.example}); never a suppressed address (checked by
 * the service). Without this, "send a test" would mail any stranger anything, from the brand's sender.
 */
public final class TestRecipients {

    private final List<String> allowed;

    public TestRecipients(String allowedList) {
        this.allowed = allowedList == null ? List.of() : Arrays.stream(allowedList.split(","))
                .map(entry -> entry.strip().toLowerCase(Locale.ROOT)).filter(entry -> !entry.isEmpty()).toList();
    }

    /**
     * @param address a valid address
     * @param callerEmail the signed-in user's own address; null for an API key or a user without one
     */
    public boolean allows(String address, String callerEmail) {
        String wanted = address.strip().toLowerCase(Locale.ROOT);
        if (callerEmail != null && wanted.equals(callerEmail.strip().toLowerCase(Locale.ROOT))) {
            return true;
        }
        String domain = wanted.substring(wanted.lastIndexOf('@'));
        return allowed.stream().anyMatch(entry -> entry.startsWith("@") ? entry.equals(domain) : entry.equals(wanted));
    }
}
