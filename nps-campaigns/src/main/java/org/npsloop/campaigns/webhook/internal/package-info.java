/**
 * The webhook: the scan that turns new and changed response rows into durable deliveries, the lease queue
 * shared by every instance, HMAC signing, the HTTP sender with back-off, erasure of a contact's events, and the
 * outbound guard that resolves a host once and connects only to the addresses it checked (no DNS rebinding).
 */
package org.npsloop.campaigns.webhook.internal;
