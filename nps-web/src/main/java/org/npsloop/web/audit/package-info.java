/** The audit trail's web side: who the caller is for each request, the API calls and downloads recorded. */
package org.npsloop.web.audit;
