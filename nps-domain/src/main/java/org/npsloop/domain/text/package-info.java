/**
 * How text from outside (forms, API bodies, CSV files) is read and written the same way everywhere:
 * strict dates, characters an XML document can hold, LIKE patterns that match literally, and CSV
 * cells a spreadsheet never runs as formulas.
 */
package org.npsloop.domain.text;
