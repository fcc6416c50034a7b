/**
 * Deliverability: what mail systems report after sending (bounces, complaints, unsubscribes), how a report is
 * classified, how it finds its invitation again (the per-message reference in the return path and Message-ID), and
 * the policy that turns reports into suppressions and campaign pauses.
 */
package org.npsloop.domain.deliverability;
