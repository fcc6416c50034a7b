/** Follow-up implementations: sync from new responses, assignment mails, SLA worker, inbox queries. */
package org.npsloop.reporting.followup.internal;
