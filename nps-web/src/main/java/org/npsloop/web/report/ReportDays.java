package org.npsloop.web.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Today in the report time zone, for the quick periods ("last 30 days" ends today there). */
@ApplicationScoped
public class ReportDays {

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "nps.report.time-zone", defaultValue = "Europe/Paris")
    private String timeZone;

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of(timeZone)));
    }
}
