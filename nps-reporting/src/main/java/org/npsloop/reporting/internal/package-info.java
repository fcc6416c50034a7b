/** JPA-backed implementations of the reporting services. */
package org.npsloop.reporting.internal;
