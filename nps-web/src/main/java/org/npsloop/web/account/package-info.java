/** The signed-in user's own account: password and time zone (account/*.xhtml). */
package org.npsloop.web.account;
