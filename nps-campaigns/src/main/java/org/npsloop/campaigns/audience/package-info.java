/** Audiences: contacts and their attributes, mailing lists, segments, journey events, CSV imports and exports, suppression. */
package org.npsloop.campaigns.audience;
