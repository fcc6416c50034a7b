/** Audience pages (audience/*.xhtml): contacts, import, lists, segments, suppression. */
package org.npsloop.web.audience;
