/** Theme implementations: the matching worker that tags new comments, and the theme store. */
package org.npsloop.reporting.themes.internal;
