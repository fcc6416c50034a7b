/** Wiring from MicroProfile Config to container resources (the data source). */
package org.npsloop.web.config;
