/** Contact import from CSV files: format detection, preview, column mapping and the streaming row reader. */
package org.npsloop.campaigns.imports;
