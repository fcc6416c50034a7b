/**
 * Audiences, journey events, campaign scheduling and triggers, fatigue rules, reminders and the
 * dispatch pipeline. Implementations live in {@code internal}.
 */
package org.npsloop.campaigns;
