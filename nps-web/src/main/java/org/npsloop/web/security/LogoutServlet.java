package org.npsloop.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Optional;
import org.npsloop.domain.audience.Language;

/**
 * Signs out on POST only, so that a link or a prefetch cannot sign anyone out. Someone signed in by the identity provider
 * is sent on to the provider's end of session, where it has one, which sends them back to the sign-in page: signing in
 * again then asks the provider for a password again.
 */
@WebServlet("/logout")
public class LogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient OpenIdSignIn openId;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        Object idToken = session == null ? null : session.getAttribute(OpenIdSignIn.ID_TOKEN);
        request.logout();
        if (session != null) {
            session.invalidate();
        }
        URI signInPage = openId.applicationRoot(request).resolve("login.xhtml?loggedOut=true");
        Optional<URI> providerSignOut = idToken instanceof String token ? openId.endOfSession(token, signInPage) : Optional.empty();
        if (providerSignOut.isPresent()) {
            toProvider(request, response, providerSignOut.get());
        } else {
            response.sendRedirect(request.getContextPath() + "/login.xhtml?loggedOut=true");
        }
    }

    /**
     * A page that moves on to the provider's end of session at once: a redirect would not do, since the sign-out form's
     * navigation may only lead to this application ({@code form-action 'self'}), redirects included. No script; the
     * address (which carries the ID token as the provider's hint) is not sent on as a referrer.
     */
    private void toProvider(HttpServletRequest request, HttpServletResponse response, URI providerSignOut) throws IOException {
        Locale locale = Language.of(request.getLocale()).locale();
        String link = escape(providerSignOut.toString());
        String text = escape(MessageFormat.format(AccountException.bundle(locale).getString("logout.toProvider"),
                openId.providerName()));
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(("<!DOCTYPE html>\n<html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"UTF-8\"/>"
                + "<meta http-equiv=\"refresh\" content=\"0;url=" + link + "\"/><title>" + text + "</title></head><body><p><a id=\"to-provider\" href=\""
                + link + "\">" + text + "</a></p></body></html>").getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
