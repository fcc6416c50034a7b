/** Online backups of the embedded H2 database into the data directory; PostgreSQL is backed up with its own tools. */
package org.npsloop.platform.backup;
