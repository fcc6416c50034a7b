/**
 * Segments: saved rules that select contacts (custom attributes, contact fields, list membership,
 * journey events, survey history, nested ALL/ANY groups), their JSON form for the {@code segment}
 * table, and their translation to one standard SQL condition that H2 and PostgreSQL both run, so
 * that segments are always evaluated in the database.
 */
package org.npsloop.domain.segment;
