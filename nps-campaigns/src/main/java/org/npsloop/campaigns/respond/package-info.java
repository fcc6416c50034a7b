/** Respondents: score and comment capture from email links, unsubscribe, and responses entered by phone or API. */
package org.npsloop.campaigns.respond;
