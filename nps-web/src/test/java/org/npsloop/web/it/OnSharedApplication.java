package org.npsloop.web.it;

import java.net.URL;
import org.junit.jupiter.api.BeforeEach;

/** A container test of the application as it is built, on the instance all such tests share ({@link SharedApplication}). */
abstract class OnSharedApplication {

    /** The application's address, ending with "/". */
    URL base;

    @BeforeEach
    void findTheApplication() {
        base = SharedApplication.base();
    }
}
