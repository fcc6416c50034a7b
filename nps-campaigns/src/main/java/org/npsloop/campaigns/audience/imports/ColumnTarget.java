package org.npsloop.campaigns.audience.imports;

/** What a CSV column holds. */
public enum ColumnTarget {
    EMAIL, FIRST_NAME, LAST_NAME, LANGUAGE,
    /** A custom attribute, with the name and type given in the mapping. */
    ATTRIBUTE,
    IGNORE
}
