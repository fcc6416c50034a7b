package org.npsloop.domain.deliverability;

import org.npsloop.domain.i18n.Message;

/**
 * Fired (synchronously, in the reporting transaction) when a sending campaign's complaint or bounce rate crossed the
 * policy's threshold: the campaign sub-domain pauses it with this reason. An event rather than a call, so that the
 * dispatcher may report SMTP bounces to deliverability without the two depending on each other.
 */
public record CampaignDeliverabilityAlarm(long campaignId, Message reason) {
}
