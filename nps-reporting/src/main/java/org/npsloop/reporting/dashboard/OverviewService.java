package org.npsloop.reporting.dashboard;

/** Reads the live figures shown on the dashboard. */
public interface OverviewService {

    Overview current();

    /** What the home page's first-steps checklist is read from, in one query. */
    Onboarding.Facts onboardingFacts();
}
