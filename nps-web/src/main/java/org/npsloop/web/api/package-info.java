/** The JSON REST API under /api. Every resource is role-checked; errors are JSON with a message. */
package org.npsloop.web.api;
