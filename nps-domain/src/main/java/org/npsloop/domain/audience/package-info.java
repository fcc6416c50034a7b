/** Who is surveyed: contacts, mailing lists and the journey events that trigger surveys. */
package org.npsloop.domain.audience;
