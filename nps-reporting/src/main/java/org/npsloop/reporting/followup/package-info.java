/** Close the loop: follow-ups of detractors and of those who asked to be contacted, and the responses inbox. */
package org.npsloop.reporting.followup;
