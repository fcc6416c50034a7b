/** Report pages (reports/*.xhtml and the home page): dashboard, breakdowns, comments, themes, follow-ups, internal report, digest. */
package org.npsloop.web.reports;
