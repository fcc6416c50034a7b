/**
 * The dispatch pipeline's database side: planning one invitation row per recipient (with the
 * exclusions counted by reason), and the queue that workers of any number of instances claim by
 * lease, without a leader and without sending anything twice.
 */
package org.npsloop.campaigns.internal.dispatch;
