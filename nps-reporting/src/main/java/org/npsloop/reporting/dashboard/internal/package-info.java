/** Dashboard implementations: aggregate queries answered by the database, never by Java loops over rows. */
package org.npsloop.reporting.dashboard.internal;
