package org.npsloop.web.ui;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The report time zone, and today there, for the quick periods ("last 30 days" ends today there); also the zone
 * of users who have not chosen their own.
 */
@ApplicationScoped
public class ReportDays {

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "nps.report.time-zone", defaultValue = "Europe/Paris")
    private String timeZone;

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone()));
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
