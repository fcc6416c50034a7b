/** The database: its JNDI name and the Flyway migrations that own its schema. */
package org.npsloop.domain.schema;
