/** Benchmark implementations: references stored through JPA, figures read through the dashboard's ReportService. */
package org.npsloop.reporting.benchmark.internal;
