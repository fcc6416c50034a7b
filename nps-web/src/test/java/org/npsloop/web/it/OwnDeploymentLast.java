package org.npsloop.web.it;

import java.util.Comparator;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.Tag;

/**
 * Orders SharedApplicationSuiteIT's classes: those tagged {@value #TAG} (a deployment of their own, e.g. with a test
 * clock, on the same database and ports as the shared application) after all the others, which keep JUnit's default
 * order; such a class stops the shared application first ({@link SharedApplication#stop}), so that no other
 * instance's workers claim its work. Running them in this suite keeps them out of the fork that runs
 * {@link OwnProcessesSuiteIT} at the same time.
 */
public final class OwnDeploymentLast implements ClassOrderer {

    static final String TAG = "own-deployment";

    @Override
    public void orderClasses(ClassOrdererContext context) {
        // List.sort is stable: the other classes keep their order.
        context.getClassDescriptors().sort(Comparator.comparing(
                descriptor -> descriptor.findRepeatableAnnotations(Tag.class).stream().anyMatch(tag -> TAG.equals(tag.value()))));
    }
}
