/** The reports pages: dashboard, breakdowns and annotations (thin view-scoped beans over ReportService). */
package org.npsloop.web.report;
