/** Input refused field by field, so that every caller (API, UI, import) can say exactly what is wrong. */
package org.npsloop.domain.validation;
