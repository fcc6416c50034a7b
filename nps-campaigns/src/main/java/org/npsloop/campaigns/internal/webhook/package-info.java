/**
 * The webhook: settings, the scan that turns new and changed response rows into durable deliveries
 * (whoever wrote them), the lease queue of deliveries shared by every instance, HMAC signing and the
 * HTTP sender with exponential back-off.
 */
package org.npsloop.campaigns.internal.webhook;
