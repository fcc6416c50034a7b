/** JSF backing beans of the admin pages, named by use case. Thin: they call services and show DTOs. */
package org.npsloop.web.admin;
