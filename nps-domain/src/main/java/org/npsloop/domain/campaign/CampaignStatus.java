package org.npsloop.domain.campaign;

/** Durable life cycle of a campaign: it survives restarts. */
public enum CampaignStatus {
    DRAFT, SCHEDULED, SENDING, PAUSED, DONE, CANCELLED
}
