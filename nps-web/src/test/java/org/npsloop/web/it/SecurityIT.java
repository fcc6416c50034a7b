package org.npsloop.web.it;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The security regression suite over HTTP, on PostgreSQL: each section holds one promise of README's
 * "Security and privacy" section, as an attacker or a careful customer would check it. One deployment
 * for all of them (each Payara Micro boot costs ~15 s); every test makes its own users and data, so that
 * it holds whatever else the shared test database contains.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@EnabledIfSystemProperty(named = "it.execution", matches = "postgresql")
class SecurityIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.applicationWar();
    }

    // ---------------------------------------------------------------------------------------------
    // 2. No cross-site requests; 3. Login that resists guessing.
    // ---------------------------------------------------------------------------------------------



    // ---------------------------------------------------------------------------------------------
    // 4. Webhook without SSRF.
    // ---------------------------------------------------------------------------------------------



    // ---------------------------------------------------------------------------------------------
    // 5. Erasure that erases.
    // ---------------------------------------------------------------------------------------------



    // ---------------------------------------------------------------------------------------------
    // 6. A public synthesis that never exposes a person.
    // ---------------------------------------------------------------------------------------------



    // ---------------------------------------------------------------------------------------------
    // 7. Bad input gets a clear 4xx.
    // ---------------------------------------------------------------------------------------------



    // ---------------------------------------------------------------------------------------------
    // 8. Smaller doors.
    // ---------------------------------------------------------------------------------------------



    // ---------------------------------------------------------------------------------------------
    // End of sections.
    // ---------------------------------------------------------------------------------------------
}
