/** A report filter as SQL over the response table, in the report time zone: shared by every reporting sub-domain. */
package org.npsloop.reporting.scope;
