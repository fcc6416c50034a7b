/**
 * Closing the loop: a follow-up per detractor (and optionally passive) response, with an owner, a
 * status, a due date and notes, and the order in which they should be worked through.
 */
package org.npsloop.domain.followup;
