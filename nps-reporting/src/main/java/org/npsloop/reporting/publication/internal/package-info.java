/** Publication implementations: frozen snapshots, masked quotes, erasure of a contact's quotes. */
package org.npsloop.reporting.publication.internal;
