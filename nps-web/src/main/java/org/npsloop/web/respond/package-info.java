/**
 * The public pages: score links ({@code /r/<token>}), the thank-you page, unsubscribe links
 * ({@code /u/<token>}) and the published syntheses ({@code /p/}, {@code /p/<slug>}). Plain servlets
 * rendering auto-escaped FreeMarker pages, no login, no JSF, short transactions (an answer's score, then its additional
 * answers, each in its own); the rules live in nps-campaigns' RespondentService and
 * nps-reporting's PublicationService.
 */
package org.npsloop.web.respond;
