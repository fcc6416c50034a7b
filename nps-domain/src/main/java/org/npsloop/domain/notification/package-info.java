/**
 * Mail to colleagues (follow-up assignments, digests), as events: a module that has something to say
 * fires a {@link org.npsloop.domain.notification.NotificationMail}; nps-campaigns, which owns the mail
 * transport, sends it once the producer's transaction has committed.
 */
package org.npsloop.domain.notification;
