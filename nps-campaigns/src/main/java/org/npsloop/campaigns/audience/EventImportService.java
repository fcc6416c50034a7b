package org.npsloop.campaigns.audience;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.npsloop.campaigns.audience.ImportService.Rejection;
import org.npsloop.domain.i18n.Message;

/**
 * Journey events from a CSV file: columns email, type, occurred_at, and optionally external_id
 * (French headers too); any other column becomes a property of the event. Valid lines are stored,
 * each bad line is reported with its number; known external ids count as duplicates.
 */
public interface EventImportService {

    record Result(int created, int duplicates, List<Rejection> rejections) implements java.io.Serializable {

        /** "2 events stored, 1 already known, 1 line rejected", to render in the reader's language. */
        public Message summary() {
            return Message.of("import.event.summary", created, duplicates, rejections.size());
        }
    }

    Result importEvents(InputStream csv) throws IOException;
}
