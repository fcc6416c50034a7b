package org.npsloop.campaigns.audience;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Key moments of contacts' journeys, the triggers of journey campaigns. Idempotent by external id. */
public interface JourneyEventService {

    /** An event as a client sends it: the contact by email, the type, when, and optionally an external id and properties. */
    record EventInput(String email, String type, Instant occurredAt, String externalId, Map<String, Object> properties) {
    }

    enum Outcome { CREATED, DUPLICATE }

    record Recorded(long id, Outcome outcome) {
    }

    Recorded record(EventInput event);

    /** All or nothing: if one event is invalid, none is stored and every problem is named. */
    List<Recorded> recordAll(List<EventInput> events);
}
