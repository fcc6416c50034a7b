/** What people add to the reports: dated annotations on the NPS trend, benchmark references to compare with. */
package org.npsloop.domain.report;
