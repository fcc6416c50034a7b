package org.npsloop.reporting;

/** Reads the live figures shown on the dashboard. */
public interface OverviewService {

    Overview current();
}
