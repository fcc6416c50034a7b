package org.npsloop.domain.response;

/** How an answer reached us. */
public enum ResponseChannel {
    EMAIL, PHONE, MANUAL
}
