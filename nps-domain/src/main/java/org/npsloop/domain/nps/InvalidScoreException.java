package org.npsloop.domain.nps;

/** A likelihood-to-recommend answer outside the 0..10 scale. */
public class InvalidScoreException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidScoreException(int score) {
        super("An NPS score must be a whole number from 0 to 10; got " + score);
    }
}
