/** CSV reading for contact and event imports, on Apache Commons CSV: format detection, mapping suggestions, streaming rows. */
package org.npsloop.campaigns.audience.internal.imports;
