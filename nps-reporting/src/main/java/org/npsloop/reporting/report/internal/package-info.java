/** Report implementations: FreeMarker rendering, PDF with OpenHTMLtoPDF, the digest worker. */
package org.npsloop.reporting.report.internal;
