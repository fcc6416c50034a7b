/** Contact import from CSV files, as the API sees it: format, preview, column mapping, parsed and rejected rows. */
package org.npsloop.campaigns.audience.imports;
