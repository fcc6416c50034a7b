/**
 * Who may do what: form login against the users table (PBKDF2 hashes), the first administrator,
 * user accounts, and the per-request account checks (disabled, must change password).
 */
package org.npsloop.web.security;
