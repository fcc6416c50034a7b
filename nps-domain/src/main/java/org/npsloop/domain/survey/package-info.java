/** What is asked: the NPS question, its follow-up and branding, per language. */
package org.npsloop.domain.survey;
