/**
 * Where the server may send a request of its own (the webhook): which addresses are refused (loopback,
 * private, link-local, metadata, multicast, ...), which hosts and networks an administrator allowed, and
 * which host spellings are too ambiguous to accept. Pure logic: resolving and connecting happen where the
 * HTTP client lives, on the addresses checked here.
 */
package org.npsloop.domain.outbound;
