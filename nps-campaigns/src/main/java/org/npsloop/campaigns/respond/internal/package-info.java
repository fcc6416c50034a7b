/** Respondent implementations: token lookup, scanner-proof capture, response changes with history. */
package org.npsloop.campaigns.respond.internal;
