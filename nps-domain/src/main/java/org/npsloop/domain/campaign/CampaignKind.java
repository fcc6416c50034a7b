package org.npsloop.domain.campaign;

public enum CampaignKind {
    /** Sent once, now or at a chosen time. */
    ONE_OFF,
    /** The same audience every N weeks or months. */
    RECURRING,
    /** N days after a journey event of each contact. */
    JOURNEY
}
