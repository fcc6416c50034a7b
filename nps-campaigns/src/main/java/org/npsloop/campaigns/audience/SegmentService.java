package org.npsloop.campaigns.audience;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Saved segments: rules counted and listed by the database. */
public interface SegmentService {

    record SegmentView(long id, String name, String description, String definition, Instant updatedAt) implements java.io.Serializable {
    }

    /** How many contacts match, how many of them can be surveyed (active), and a few of them. */
    record Preview(long matching, long reachable, List<ContactSummary> sample) implements java.io.Serializable {
    }

    int SAMPLE_SIZE = 10;

    List<SegmentView> list();

    Optional<SegmentView> find(long id);

    /** Creates (id null) or replaces a segment; the definition is the JSON of a segment rule. */
    SegmentView save(Long id, String name, String description, String definition);

    void delete(long id);

    /** Evaluates an unsaved definition, for the editor's live count. */
    Preview preview(String definition);

    Preview preview(long id);

    /**
     * How many contacts each saved segment matches now, by segment id, from one query whatever the number of
     * segments. A segment whose rule can no longer be evaluated (an attribute it names was removed) is absent.
     */
    Map<Long, Long> sizes();
}
