/** The change feed over the response table, for consumers that read it themselves (webhook, theme matching). */
package org.npsloop.platform.feed;
