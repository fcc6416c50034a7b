/**
 * Benchmarks: reference NPS values the company types in (sector, region, year, source, licence note; none ships)
 * and the company's NPS against one of them, and the internal benchmarks, each segment and journey moment against
 * the company's overall NPS over the same period.
 */
package org.npsloop.reporting.benchmark;
