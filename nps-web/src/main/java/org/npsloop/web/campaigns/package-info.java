/** Campaign pages (campaigns/*.xhtml): surveys, campaigns, the development outbox. */
package org.npsloop.web.campaigns;
