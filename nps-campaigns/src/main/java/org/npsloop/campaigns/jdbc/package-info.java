/** Plain-JDBC helpers the campaign sub-domains share: dialect differences between H2 and PostgreSQL, value conversions. */
package org.npsloop.campaigns.jdbc;
