/** Publication pages (publications/*.xhtml): list and editor of the customer-facing synthesis. */
package org.npsloop.web.publications;
