/**
 * Requests the server sends on its own (today: the webhook) go through one guard: the host is resolved
 * once, every address is checked against {@link org.npsloop.domain.outbound.OutboundPolicy}, and the
 * connection is made to those checked addresses only, so that a DNS answer changing between the check
 * and the connection (DNS rebinding) cannot lead it elsewhere.
 */
package org.npsloop.campaigns.internal.outbound;
