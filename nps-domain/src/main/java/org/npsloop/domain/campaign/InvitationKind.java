package org.npsloop.domain.campaign;

public enum InvitationKind {
    INITIAL, REMINDER
}
