/** Survey implementations: validation of changes, previews and test mails through the mail sub-domain. */
package org.npsloop.campaigns.survey.internal;
