/**
 * Campaign scheduling and the dispatch pipeline: starting due campaigns, planning one invitation row per
 * recipient (with exclusions counted by reason), and the queue that workers of any number of instances claim by
 * lease, without a leader and without sending anything twice. Every status move the dispatch makes (start a wave,
 * reminders, pause itself, finish, wait for the next wave, close) is a compare-and-set of {@link
 * org.npsloop.campaigns.campaign.internal.CampaignStates}, checked against the life cycle of
 * {@link org.npsloop.domain.campaign.CampaignStatus}; the marketer's moves go through the {@code Campaign} entity.
 */
package org.npsloop.campaigns.campaign.internal;
