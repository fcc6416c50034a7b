package org.npsloop.campaigns.audience.imports;

/** One data record of a CSV file: either a contact to store or the reason it cannot be. */
public sealed interface ParsedRow permits ContactRow, RejectedRow {

    /** The physical line of the file the record starts on; the header is line 1 when the file starts with it. */
    int line();
}
