/**
 * Net Promoter Score arithmetic as plain Java: categories, scores, margin of error, significance; and the
 * statistics of touchpoint ratings: their mean with its interval, and key drivers (NPS of high vs low raters).
 */
package org.npsloop.domain.nps;
