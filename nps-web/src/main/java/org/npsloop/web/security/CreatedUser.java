package org.npsloop.web.security;

/** A new account and the one-time password to hand over, shown once (null when the admin chose one). */
public record CreatedUser(UserView user, String oneTimePassword) {
}
