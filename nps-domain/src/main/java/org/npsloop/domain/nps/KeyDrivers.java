package org.npsloop.domain.nps;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The order of the key-driver view. */
public final class KeyDrivers {

    /**
     * Trust first, then size: significant (hence conclusive) drivers, then conclusive ones whose difference is
     * within the margin of error, then the not conclusive ones, then those with an empty group (no difference at
     * all); within each tier by difference, largest first, so a significant negative difference (high raters
     * recommend less) ends its tier. Stable: equal drivers keep their given order.
     */
    private static final Comparator<KeyDriver> ORDER = Comparator.comparingInt(KeyDrivers::tier)
            .thenComparingDouble(driver -> driver.difference().isKnown() ? -driver.difference().delta() : 0);

    private KeyDrivers() {
    }

    /** A new, unmodifiable list of the drivers in the order above. */
    public static List<KeyDriver> rank(List<KeyDriver> drivers) {
        List<KeyDriver> ranked = new ArrayList<>(drivers);
        ranked.sort(ORDER); // List.sort is a stable merge sort
        return List.copyOf(ranked);
    }

    private static int tier(KeyDriver driver) {
        if (driver.isSignificant()) {
            return 0;
        }
        if (driver.isConclusive()) {
            return 1;
        }
        return driver.difference().isKnown() ? 2 : 3;
    }
}
