package org.npsloop.web.ui;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/**
 * The zones a user can read times in ({@code #{timeZones}}): every "Region/City" zone of the JDK, plus UTC, each
 * labelled with its offset now ({@code America/New_York (UTC−05:00)}).
 */
@Named("timeZones")
@ApplicationScoped
public class TimeZoneChoices {

    private static final List<String> IDS = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.equals("UTC") || id.matches("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_/-]+"))
            .sorted().toList();

    @Inject
    private Clock clock;

    public List<String> getIds() {
        return IDS;
    }

    public String label(String id) {
        String offset = ZoneId.of(id).getRules().getOffset(clock.instant()).getId();
        return id.replace('_', ' ') + " (UTC" + ("Z".equals(offset) ? "" : offset.replace('-', '\u2212')) + ")";
    }
}
