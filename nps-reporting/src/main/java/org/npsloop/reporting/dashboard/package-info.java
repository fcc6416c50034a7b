/** Live figures: NPS with margin of error and significance, trends, breakdowns, annotations, overview and onboarding. */
package org.npsloop.reporting.dashboard;
