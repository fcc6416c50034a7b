/** Data retention: the periods after which personal data goes, their cutoffs, and when the next run is due. */
package org.npsloop.domain.retention;
