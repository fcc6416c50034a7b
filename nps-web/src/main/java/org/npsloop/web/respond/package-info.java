/**
 * The public pages: score links ({@code /r/<token>}), the thank-you page, unsubscribe links
 * ({@code /u/<token>}) and the published syntheses ({@code /p/}, {@code /p/<slug>}). Plain servlets
 * rendering auto-escaped FreeMarker pages, no login, no JSF, one short transaction per request; the rules live in nps-campaigns' RespondentService and
 * nps-reporting's PublicationService.
 */
package org.npsloop.web.respond;
