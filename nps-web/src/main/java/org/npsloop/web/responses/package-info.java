/** The responses inbox and phone entry (responses/*.xhtml). */
package org.npsloop.web.responses;
