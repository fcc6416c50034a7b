/** The webhook: its settings and delivery log, as the admin pages and the API see them. */
package org.npsloop.campaigns.webhook;
