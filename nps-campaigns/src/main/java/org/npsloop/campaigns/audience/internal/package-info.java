/** Audience implementations: contact writes and erasure, segment queries, import jobs and their upload sweeper. */
package org.npsloop.campaigns.audience.internal;
