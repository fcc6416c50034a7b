/**
 * Drill-down after the score: the touchpoints of the customer relationship, the additional questions of a
 * survey (touchpoint rating, choices, short text, yes/no; each asked to everyone or to one NPS category) and
 * the answers to them with their history.
 */
package org.npsloop.domain.question;
