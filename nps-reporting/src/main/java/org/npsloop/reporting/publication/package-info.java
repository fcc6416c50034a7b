/** The customer-facing synthesis: drafts, curated quotes, published versions and revocation. */
package org.npsloop.reporting.publication;
