/** Campaigns: one-off, recurring and journey-triggered, with send windows, reminders and fatigue rules. */
package org.npsloop.campaigns.campaign;
