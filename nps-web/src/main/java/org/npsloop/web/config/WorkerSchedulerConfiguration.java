package org.npsloop.web.config;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import org.npsloop.platform.worker.PeriodicWorker;

/**
 * The background workers' scheduled executor ({@link PeriodicWorker#SCHEDULER}); Payara reads {@code maxAsync} as
 * the pool's core size, that is its number of threads.
 */
@ApplicationScoped
@ManagedScheduledExecutorDefinition(name = PeriodicWorker.SCHEDULER, maxAsync = PeriodicWorker.SCHEDULER_THREADS)
public class WorkerSchedulerConfiguration {
}
