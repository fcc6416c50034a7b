/** Net Promoter Score arithmetic as plain Java: categories, scores, margin of error, significance. */
package org.npsloop.domain.nps;
