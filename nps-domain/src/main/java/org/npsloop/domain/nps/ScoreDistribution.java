package org.npsloop.domain.nps;

import java.util.Arrays;

/** How many answers each of the eleven scores 0..10 received. Immutable. */
public final class ScoreDistribution {

    private final long[] counts;

    private ScoreDistribution(long[] counts) {
        this.counts = counts;
    }

    public static ScoreDistribution empty() {
        return new ScoreDistribution(new long[Score.MAX + 1]);
    }

    /** @param counts eleven non-negative counts, index = score */
    public static ScoreDistribution ofCounts(long... counts) {
        if (counts.length != Score.MAX + 1) {
            throw new IllegalArgumentException("A distribution needs 11 counts (scores 0..10); got " + counts.length);
        }
        for (long c : counts) {
            if (c < 0) {
                throw new IllegalArgumentException("Counts cannot be negative: " + Arrays.toString(counts));
            }
        }
        return new ScoreDistribution(counts.clone());
    }

    public static ScoreDistribution ofScores(int... scores) {
        long[] counts = new long[Score.MAX + 1];
        for (int score : scores) {
            Score.requireValid(score);
            counts[score]++;
        }
        return new ScoreDistribution(counts);
    }

    public long count(int score) {
        Score.requireValid(score);
        return counts[score];
    }

    public long total() {
        return Arrays.stream(counts).sum();
    }

    /** Share of all answers that gave this score, in percent; 0 when there are no answers. */
    public double percent(int score) {
        long total = total();
        return total == 0 ? 0 : 100.0 * count(score) / total;
    }

    public long count(NpsCategory category) {
        long sum = 0;
        for (int score = Score.MIN; score <= Score.MAX; score++) {
            if (NpsCategory.of(score) == category) {
                sum += counts[score];
            }
        }
        return sum;
    }

    public NpsResult toNps() {
        return NpsResult.ofCounts(count(NpsCategory.PROMOTER), count(NpsCategory.PASSIVE),
                count(NpsCategory.DETRACTOR));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScoreDistribution d && Arrays.equals(counts, d.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "ScoreDistribution" + Arrays.toString(counts);
    }
}
