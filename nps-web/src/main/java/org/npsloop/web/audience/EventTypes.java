package org.npsloop.web.audience;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;
import org.npsloop.domain.audience.JourneyEvent;

/** Suggestions for event type inputs: the built-in moments; any other name is accepted too. */
@Named
@ApplicationScoped
public class EventTypes {

    private static final List<String> BUILT_IN = List.of(JourneyEvent.ONBOARDING, JourneyEvent.PURCHASE,
            JourneyEvent.RENEWAL, JourneyEvent.SUPPORT_CLOSED);

    public List<String> complete(String typed) {
        String prefix = typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT);
        List<String> matches = BUILT_IN.stream().filter(t -> t.startsWith(prefix)).toList();
        return matches.isEmpty() && !prefix.isEmpty() ? List.of(prefix) : matches;
    }
}
