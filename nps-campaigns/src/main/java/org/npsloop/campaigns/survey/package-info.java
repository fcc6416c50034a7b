/** Surveys: questions and texts per language, sender, closing date, mail preview and test mails. */
package org.npsloop.campaigns.survey;
