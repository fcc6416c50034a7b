/**
 * The drill-down below the NPS: touchpoint ratings (mean with its 95% interval, trend), the choices of
 * additional questions by NPS category, and the key drivers (NPS of high vs low raters of each touchpoint).
 * The verbatims behind a touchpoint are the comments page narrowed by {@link org.npsloop.reporting.RatedTouchpoint}.
 */
package org.npsloop.reporting.drilldown;
