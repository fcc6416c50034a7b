/** Internal report (HTML and PDF), the weekly digest, and the CSV/JSON export of responses. */
package org.npsloop.reporting.report;
