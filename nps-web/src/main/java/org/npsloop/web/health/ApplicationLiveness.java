package org.npsloop.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive as long as the JVM can serve this check: a dead database makes the instance unready, not
 * dead, so an orchestrator does not restart healthy instances during a database outage.
 */
@Liveness
@ApplicationScoped
public class ApplicationLiveness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        Runtime runtime = Runtime.getRuntime();
        return HealthCheckResponse.named("application").up()
                .withData("freeMemoryMb", runtime.freeMemory() / (1024 * 1024))
                .withData("maxMemoryMb", runtime.maxMemory() / (1024 * 1024))
                .build();
    }
}
