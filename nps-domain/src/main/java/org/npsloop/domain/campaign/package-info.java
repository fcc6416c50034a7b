/** Sending surveys: campaigns and the one invitation row per recipient that the dispatcher works through. */
package org.npsloop.domain.campaign;
