/** Mail transports (SMTP with Angus Mail, the development outbox), their configuration, and notification sending. */
package org.npsloop.campaigns.mail.internal;
