/**
 * Mail: building survey, test and notification messages (FreeMarker HTML with a plain-text alternative, MIME
 * headers) and the transport they go through ({@link org.npsloop.campaigns.mail.MailSetup}); the development outbox.
 */
package org.npsloop.campaigns.mail;
