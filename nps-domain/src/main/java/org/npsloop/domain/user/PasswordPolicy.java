package org.npsloop.domain.user;

import java.security.SecureRandom;
import java.util.Optional;

/** What a password must look like, and how one-time passwords are generated. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 200;

    /** No 0/O, 1/l/I: one-time passwords are read from a log and typed by hand. */
    private static final char[] ONE_TIME_ALPHABET =
            "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int ONE_TIME_LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordPolicy() {
    }

    /** Why a password is refused; the UI words each in the user's language. */
    public enum Problem {
        TOO_SHORT, TOO_LONG, SAME_AS_USERNAME
    }

    /** @return why the password is refused, or empty when it is acceptable */
    public static Optional<Problem> problemWith(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of(Problem.TOO_SHORT);
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of(Problem.TOO_LONG);
        }
        if (username != null && password.strip().equalsIgnoreCase(username.strip())) {
            return Optional.of(Problem.SAME_AS_USERNAME);
        }
        return Optional.empty();
    }

    /** 16 characters from a 57-letter alphabet: about 93 bits. */
    public static String oneTimePassword() {
        StringBuilder sb = new StringBuilder(ONE_TIME_LENGTH);
        for (int i = 0; i < ONE_TIME_LENGTH; i++) {
            sb.append(ONE_TIME_ALPHABET[RANDOM.nextInt(ONE_TIME_ALPHABET.length)]);
        }
        return sb.toString();
    }
}
