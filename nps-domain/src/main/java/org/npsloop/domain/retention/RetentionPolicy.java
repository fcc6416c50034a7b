package org.npsloop.domain.retention;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.validation.Violations;

/**
 * The retention periods an administrator chose, one per {@link RetentionRule}; 0 turns a rule off, and every rule is
 * off until someone turns it on: a customer's data is never removed by a default.
 */
public record RetentionPolicy(int contactMonths, int commentMonths, int invitationDays, int outboxDays, int webhookDays) {

    /** Nothing removed: the policy of a new installation. */
    public static final RetentionPolicy OFF = new RetentionPolicy(0, 0, 0, 0, 0);

    public RetentionPolicy {
        for (RetentionRule rule : RetentionRule.values()) {
            checkPeriod(rule, periodOf(rule, contactMonths, commentMonths, invitationDays, outboxDays, webhookDays));
        }
    }

    /**
     * The policy from typed input, a missing period being off; refused with every bad field named (its
     * {@link RetentionRule#field()}) and why.
     */
    public static RetentionPolicy of(Integer contactMonths, Integer commentMonths, Integer invitationDays, Integer outboxDays,
            Integer webhookDays) {
        Integer[] periods = {contactMonths, commentMonths, invitationDays, outboxDays, webhookDays};
        Violations violations = new Violations();
        int[] checked = new int[periods.length];
        for (RetentionRule rule : RetentionRule.values()) {
            int period = periods[rule.ordinal()] == null ? 0 : periods[rule.ordinal()];
            Integer ok = violations.check(rule.field(), () -> checkPeriod(rule, period));
            checked[rule.ordinal()] = ok == null ? 0 : ok;
        }
        violations.throwIfAny();
        return new RetentionPolicy(checked[0], checked[1], checked[2], checked[3], checked[4]);
    }

    private static int checkPeriod(RetentionRule rule, int period) {
        if (period < 0 || period > rule.max()) {
            throw new InvalidValueException(rule.unit() == ChronoUnit.MONTHS ? "retention.months.range"
                    : "retention.days.range", rule.max(), period);
        }
        return period;
    }

    private static int periodOf(RetentionRule rule, int... periods) {
        return periods[rule.ordinal()];
    }

    /** The period of a rule, in its unit; 0 when off. */
    public int period(RetentionRule rule) {
        return periodOf(rule, contactMonths, commentMonths, invitationDays, outboxDays, webhookDays);
    }

    public boolean anyOn() {
        return java.util.Arrays.stream(RetentionRule.values()).anyMatch(rule -> period(rule) > 0);
    }

    /** The cutoff of each rule that is on, in rule order: what is older goes. */
    public Map<RetentionRule, Instant> cutoffs(Instant now) {
        Map<RetentionRule, Instant> cutoffs = new EnumMap<>(RetentionRule.class);
        for (RetentionRule rule : RetentionRule.values()) {
            cutoff(rule, now).ifPresent(cutoff -> cutoffs.put(rule, cutoff));
        }
        return cutoffs;
    }

    public Optional<Instant> cutoff(RetentionRule rule, Instant now) {
        int period = period(rule);
        return period == 0 ? Optional.empty() : Optional.of(rule.cutoff(period, now));
    }

    /**
     * Whether a run is due: never run, or the last one ({@code lastRun}, by any instance) at least {@code interval} ago.
     */
    public static boolean due(Instant lastRun, Duration interval, Instant now) {
        return lastRun == null || !lastRun.plus(interval).isAfter(now);
    }

    /** When the next scheduled run will be: {@code interval} after the last one, and never in the past. */
    public static Instant nextRun(Instant lastRun, Duration interval, Instant now) {
        return due(lastRun, interval, now) ? now : lastRun.plus(interval);
    }
}
