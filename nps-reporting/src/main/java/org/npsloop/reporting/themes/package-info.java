/** Themes: keyword rules that tag comments, and counts per theme. */
package org.npsloop.reporting.themes;
