/**
 * Deliverability: every bounce, complaint and unsubscribe reported about a sent message, whatever its source (SMTP
 * reply, bounce mailbox, ESP webhook, mailto), matched to its invitation and turned into suppressions and campaign
 * pauses by one policy ({@link org.npsloop.campaigns.deliverability.DeliverabilityService}).
 */
package org.npsloop.campaigns.deliverability;
