/**
 * Everything about reaching people: audiences, surveys, campaigns and their dispatch, respondents' answers,
 * the webhook and mail. One sub-package per sub-domain, each with its API at the top (service interfaces,
 * records, enums) and its implementations in its own {@code internal}, which nothing outside it imports;
 * the mechanisms they share with reporting live in nps-platform.
 */
package org.npsloop.campaigns;
