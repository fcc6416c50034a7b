/** Drill-down queries: moments and category counts grouped by the database, never Java loops over answers. */
package org.npsloop.reporting.drilldown.internal;
