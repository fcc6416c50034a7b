/** What people add to the reports: dated annotations on the NPS trend. */
package org.npsloop.domain.report;
