package org.npsloop.web.audit;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import org.npsloop.platform.audit.AuditActor;
import org.npsloop.platform.audit.EntityAuditListener;
import org.npsloop.web.http.ClientAddress;

/**
 * Makes a signed-in caller (user or API key) the {@link AuditActor} of the request's thread, with the address the
 * request came from, so that what the request changes is recorded as theirs; and forgets it after the request, since
 * the container's threads serve everyone.
 */
@WebFilter(urlPatterns = "/*")
public class AuditActorFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    private ClientAddress clientAddress;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            chain.doFilter(request, response);
            return;
        }
        AuditActor.set(new AuditActor(principal.getName(), clientAddress.of(request)));
        try {
            chain.doFilter(request, response);
        } finally {
            AuditActor.clear();
            EntityAuditListener.forgetLoaded();
        }
    }
}
