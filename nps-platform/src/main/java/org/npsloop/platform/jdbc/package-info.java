/** Plain-JDBC helpers: what H2 and PostgreSQL spell differently (sequences, ANALYZE), values as native queries return them. */
package org.npsloop.platform.jdbc;
