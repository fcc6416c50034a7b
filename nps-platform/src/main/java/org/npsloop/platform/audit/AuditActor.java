package org.npsloop.platform.audit;

import java.util.Optional;

/**
 * Who acts in the current request: a signed-in user's name or {@code api-key:<name>}, and the address the request
 * came from. Set by the web layer for the length of a request of a signed-in caller only, so that what workers and
 * respondents change (no actor) is not audited as anyone's act.
 */
public record AuditActor(String name, String address) {

    private static final ThreadLocal<AuditActor> CURRENT = new ThreadLocal<>();

    /** The actor of this thread's request, if a signed-in caller's. */
    public static Optional<AuditActor> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Makes {@code actor} this thread's until {@link #clear()}. */
    public static void set(AuditActor actor) {
        CURRENT.set(actor);
    }

    public static void clear() {
        CURRENT.remove();
    }
}
