/**
 * The customer-facing synthesis: a publication drafted by an executive, the snapshot of figures,
 * themes, texts and consented quotes frozen at each publish, and its version history.
 */
package org.npsloop.domain.publication;
