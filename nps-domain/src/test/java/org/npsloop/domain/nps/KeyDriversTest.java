package org.npsloop.domain.nps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyDriversTest {

    // Significant: delta 80 (combined error 20.18, see KeyDriverTest).
    private static final KeyDriver DELIVERY = driver("DELIVERY", NpsResult.ofCounts(60, 30, 10),
            NpsResult.ofCounts(20, 30, 50));
    // Significant: +40 - 0 = 40; var .6 - .4² = .44 and .6 - 0 = .6; combined = 1.96 * sqrt(.0104) * 100 = 19.99
    private static final KeyDriver SALES = driver("SALES", NpsResult.ofCounts(50, 40, 10),
            NpsResult.ofCounts(30, 40, 30));
    // Conclusive, not significant: delta 20 within 39.27 (see KeyDriverTest).
    private static final KeyDriver PHONE = driver("PHONE", NpsResult.ofCounts(15, 10, 5),
            NpsResult.ofCounts(12, 10, 8));
    // The same numbers under another touchpoint: ties keep their given order.
    private static final KeyDriver SHOP = driver("SHOP", NpsResult.ofCounts(15, 10, 5),
            NpsResult.ofCounts(12, 10, 8));
    // Conclusive, not significant, negative: +13.33 - (+33.33) = -20.
    private static final KeyDriver WEBSITE = driver("WEBSITE", NpsResult.ofCounts(12, 10, 8),
            NpsResult.ofCounts(15, 10, 5));
    // Not conclusive (3 and 2 respondents): +100 - 0 = 100, the largest delta of all.
    private static final KeyDriver FIRST_CONTACT = driver("FIRST_CONTACT", NpsResult.ofCounts(3, 0, 0),
            NpsResult.ofCounts(1, 0, 1));
    // Not conclusive (29 low raters): +60 - (-31.03) = 91.03.
    private static final KeyDriver BILLING = driver("BILLING", NpsResult.ofCounts(20, 8, 2),
            NpsResult.ofCounts(5, 10, 14));
    // Unknown: nobody rated low.
    private static final KeyDriver MAINTENANCE = driver("MAINTENANCE", NpsResult.ofCounts(50, 20, 10),
            NpsResult.ofCounts(0, 0, 0));
    // Unknown: nobody rated high.
    private static final KeyDriver INSTALLATION = driver("INSTALLATION", NpsResult.ofCounts(0, 0, 0),
            NpsResult.ofCounts(5, 5, 5));

    @Test
    void significantFirstThenConclusiveThenTheRestThenUnknownEachByDifference() {
        List<KeyDriver> ranked = KeyDrivers.rank(List.of(MAINTENANCE, BILLING, WEBSITE, PHONE, SALES, FIRST_CONTACT,
                INSTALLATION, DELIVERY, SHOP));
        assertEquals(List.of("DELIVERY", "SALES", "PHONE", "SHOP", "WEBSITE", "FIRST_CONTACT", "BILLING",
                "MAINTENANCE", "INSTALLATION"), keys(ranked));
    }

    @Test
    void tiesAndUnknownsKeepTheirGivenOrder() {
        List<KeyDriver> ranked = KeyDrivers.rank(List.of(INSTALLATION, SHOP, MAINTENANCE, PHONE));
        assertEquals(List.of("SHOP", "PHONE", "INSTALLATION", "MAINTENANCE"), keys(ranked));
    }

    @Test
    void returnsANewUnmodifiableList() {
        List<KeyDriver> ranked = KeyDrivers.rank(List.of());
        assertEquals(List.of(), ranked);
        assertThrows(UnsupportedOperationException.class, () -> ranked.add(PHONE));
    }

    private static KeyDriver driver(String key, NpsResult high, NpsResult low) {
        return new KeyDriver(key, key.toLowerCase(), high, low);
    }

    private static List<String> keys(List<KeyDriver> drivers) {
        return drivers.stream().map(KeyDriver::key).toList();
    }
}
