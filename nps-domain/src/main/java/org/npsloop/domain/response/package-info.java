/** What respondents said: a score, an optional comment and their consent to be contacted. */
package org.npsloop.domain.response;
