/**
 * Campaign scheduling and the dispatch pipeline: starting due campaigns, planning one invitation row per
 * recipient (with exclusions counted by reason), and the queue that workers of any number of instances claim by
 * lease, without a leader and without sending anything twice.
 */
package org.npsloop.campaigns.campaign.internal;
