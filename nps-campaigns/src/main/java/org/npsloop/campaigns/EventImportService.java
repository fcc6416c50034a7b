package org.npsloop.campaigns;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.npsloop.campaigns.ImportService.Rejection;

/**
 * Journey events from a CSV file: columns email, type, occurred_at, and optionally external_id
 * (French headers too); any other column becomes a property of the event. Valid lines are stored,
 * each bad line is reported with its number; known external ids count as duplicates.
 */
public interface EventImportService {

    record Result(int created, int duplicates, List<Rejection> rejections) {
    }

    Result importEvents(InputStream csv) throws IOException;
}
