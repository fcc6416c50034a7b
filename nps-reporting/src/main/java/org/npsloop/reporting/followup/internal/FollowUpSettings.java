package org.npsloop.reporting.followup.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.npsloop.domain.followup.FollowUpRules;

/** Close-the-loop settings, from MicroProfile Config (see the README's "Close the loop" section). */
@ApplicationScoped
public class FollowUpSettings {

    @Inject
    @ConfigProperty(name = "nps.follow-up.passives", defaultValue = "false")
    private boolean passives;

    @Inject
    @ConfigProperty(name = "nps.follow-up.due-days", defaultValue = "" + FollowUpRules.DEFAULT_DUE_DAYS)
    private int dueDays;

    @Inject
    @ConfigProperty(name = "nps.follow-up.worker", defaultValue = "true")
    private boolean worker;

    @Inject
    @ConfigProperty(name = "nps.follow-up.interval-ms", defaultValue = "5000")
    private long intervalMillis;

    @Inject
    @ConfigProperty(name = "nps.base-url")
    private String baseUrl;

    // Accessors only: callers hold a CDI proxy, whose fields are never set.

    /** Whether passives (7-8) get a follow-up too; detractors always do. */
    public boolean passives() {
        return passives;
    }

    public int dueDays() {
        return Math.max(0, dueDays);
    }

    public boolean worker() {
        return worker;
    }

    public long intervalMillis() {
        return Math.max(250, intervalMillis);
    }

    /** The follow-up page's address, for mails. */
    public String link(long followUpId) {
        String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        return URI.create(base).resolve("reports/follow-ups.xhtml?id=" + followUpId).toString();
    }
}
