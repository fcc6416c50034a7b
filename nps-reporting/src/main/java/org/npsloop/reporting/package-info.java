/**
 * Reading what respondents said: live NPS reports, themes, close-the-loop follow-ups, internal reports and
 * digests, and the public synthesis. One sub-package per sub-domain, each with its API at the top and its
 * implementations in its own {@code internal}; {@link org.npsloop.reporting.ReportFilter} (which answers a page
 * asks for) and {@code scope} (that filter as SQL) are shared by all of them.
 */
package org.npsloop.reporting;
