/** The additional answers of many responses at once, read with plain SQL by the consumers that stream responses (webhook, CSV export). */
package org.npsloop.platform.answers;
