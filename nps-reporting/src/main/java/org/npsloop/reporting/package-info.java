/**
 * NPS queries and aggregates, trends, breakdowns, themes, close-the-loop follow-ups and
 * publications. Implementations live in {@code internal}; depends on nps-domain only.
 */
package org.npsloop.reporting;
