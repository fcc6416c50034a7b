/** The one FreeMarker configuration every mail, report and public page is rendered with. */
package org.npsloop.platform.templates;
