package org.npsloop.web.it;

import java.util.Comparator;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;

/**
 * Orders OwnProcessesSuiteIT's classes: those tagged {@value #TAG} (the test-clock application,
 * {@link ClockApplication}, which they share) after all the others, which keep JUnit's default order, and among
 * themselves in their {@link Order}, as the clock only moves forward. After the process tests, whose instances are all
 * gone by then, no other instance's workers claim their work.
 */
public final class OwnDeploymentLast implements ClassOrderer {

    static final String TAG = "own-deployment";

    @Override
    public void orderClasses(ClassOrdererContext context) {
        // List.sort is stable: the other classes keep their order. Those tagged keep their @Order among themselves:
        // they share one application with a test clock (ClockApplication), which only moves forward.
        context.getClassDescriptors().sort(Comparator.<ClassDescriptor, Boolean>comparing(
                descriptor -> descriptor.findRepeatableAnnotations(Tag.class).stream().anyMatch(tag -> TAG.equals(tag.value())))
                .thenComparingInt(descriptor -> descriptor.findAnnotation(Order.class).map(Order::value).orElse(Order.DEFAULT)));
    }
}
