/** What a request says about its client, read once for the security filters and the respondent pages alike. */
package org.npsloop.web.http;
