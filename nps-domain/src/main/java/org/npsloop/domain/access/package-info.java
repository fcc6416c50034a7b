/** Access for other systems: API keys, stored only as hashes. */
package org.npsloop.domain.access;
