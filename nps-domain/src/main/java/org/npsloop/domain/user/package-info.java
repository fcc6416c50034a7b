/** People who use the admin: their roles and the rules of their accounts. */
package org.npsloop.domain.user;
