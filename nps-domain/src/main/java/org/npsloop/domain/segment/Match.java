package org.npsloop.domain.segment;

/** How a group combines its rules. */
public enum Match {
    /** Every rule holds (AND). */
    ALL,
    /** At least one rule holds (OR). */
    ANY
}
