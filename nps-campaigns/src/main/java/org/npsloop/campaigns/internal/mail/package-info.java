/** Survey emails: FreeMarker rendering (HTML with a plain-text alternative) and the MIME message with its headers. */
package org.npsloop.campaigns.internal.mail;
