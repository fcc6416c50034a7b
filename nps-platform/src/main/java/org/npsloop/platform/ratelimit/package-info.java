/** The respondent pages' rate limit, counted across instances through the database. */
package org.npsloop.platform.ratelimit;
