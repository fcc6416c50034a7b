/** What every admin page shares: language and time zone of the user, readable dates, strict converters, UI texts. */
package org.npsloop.web.ui;
