/**
 * Mechanisms the campaigns and reporting sub-domains share, written once: periodic workers, the change feed
 * over responses, JDBC helpers (dialect, parameter binding), the FreeMarker configuration. Depends on the
 * domain only; knows nothing of campaigns, reporting or the web.
 */
package org.npsloop.platform;
