/** Administration pages (admin/*.xhtml), ADMIN only: users, API keys, system settings, webhook, publication brand. */
package org.npsloop.web.admin;
