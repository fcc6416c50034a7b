package org.npsloop.campaigns.audience;

import java.io.IOException;
import java.io.Writer;

/**
 * Contacts of a list or a segment as CSV: UTF-8 with a BOM and ';' separators so that Excel opens it
 * right in France, one column per custom attribute, headers that the import recognises again.
 */
public interface ContactExportService {

    void exportList(long listId, Writer out) throws IOException;

    void exportSegment(long segmentId, Writer out) throws IOException;
}
