/**
 * Texts for people, in their language: services and value objects speak in {@link org.npsloop.domain.i18n.Message}s
 * (a key and its arguments), rendered at the edge (admin UI, API, mails) in the reader's locale from the bundle
 * {@code org/npsloop/domain/i18n/texts(_fr).properties}.
 */
package org.npsloop.domain.i18n;
