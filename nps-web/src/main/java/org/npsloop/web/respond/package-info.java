/**
 * The public respondent pages: score links ({@code /r/<token>}), the thank-you page and unsubscribe
 * links ({@code /u/<token>}). Plain servlets rendering auto-escaped FreeMarker pages, no login, no
 * JSF, one short transaction per request; the rules live in nps-campaigns' RespondentService.
 */
package org.npsloop.web.respond;
