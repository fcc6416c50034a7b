package org.npsloop.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.npsloop.domain.audience.Language;

/**
 * Whether a state-changing request comes from the app's own pages, as browsers tell it: the
 * {@code Origin} header, else {@code Sec-Fetch-Site}, else the origin of the {@code Referer}. The app's
 * origins are the one the request was addressed to and the one of {@code nps.base-url} (a proxy in
 * front may change the host). A request that tells none of them is refused: every browser that could
 * be abused sends at least one. Requests with an API key are not browsers' and are not checked.
 */
@ApplicationScoped
public class SameOrigin {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    @ConfigProperty(name = "nps.base-url")
    private String baseUrl;

    /** Whether the request needs the check: it may change something, in a signed-in browser session. */
    static boolean changesState(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT));
    }

    public boolean allows(HttpServletRequest request) {
        Set<String> own = new HashSet<>();
        own.add(origin(request.getScheme(), request.getServerName(), request.getServerPort()));
        originOf(baseUrl).ifPresent(own::add);
        return fromOwnOrigin(request.getHeader("Origin"), request.getHeader("Sec-Fetch-Site"),
                request.getHeader("Referer"), own);
    }

    /** The decision on the three headers (null when absent) and the app's own origins. */
    static boolean fromOwnOrigin(String origin, String fetchSite, String referer, Set<String> ownOrigins) {
        // "null": an opaque origin (sandboxed frame, privacy redirect...), says nothing by itself.
        if (origin != null && !origin.isBlank() && !origin.strip().equals("null")) {
            return originOf(origin.strip()).filter(ownOrigins::contains).isPresent();
        }
        if (fetchSite != null && !fetchSite.isBlank()) {
            return fetchSite.strip().equalsIgnoreCase("same-origin");
        }
        return referer != null && originOf(referer.strip()).filter(ownOrigins::contains).isPresent();
    }

    /** scheme://host[:port] in lower case, without the scheme's default port. */
    static Optional<String> originOf(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(origin(uri.getScheme(), uri.getHost(), uri.getPort()));
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String origin(String scheme, String host, int port) {
        String s = scheme.toLowerCase(Locale.ROOT);
        boolean defaultPort = port < 0 || (s.equals("http") && port == 80) || (s.equals("https") && port == 443);
        // URIs bracket an IPv6 host, a request's server name may not.
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return s + "://" + h.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    /**
     * Answers 403: JSON for the API (as every API error), a short page in the user's language
     * elsewhere.
     */
    public void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        refusal(request, response, HttpServletResponse.SC_FORBIDDEN, "error.crossSite");
    }

    /**
     * Answers a refused request before anything was done: JSON on {@code /api}, else a short page in the
     * user's language; {@code key} names the bundle texts {@code key.title}, {@code key.text}, {@code key.api}.
     */
    static void refusal(HttpServletRequest request, HttpServletResponse response, int status, String key) throws IOException {
        Locale locale = Language.of(request.getLocale()).locale();
        ResourceBundle messages = AccountException.bundle(locale);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.resetBuffer();
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        if (path.startsWith("/api/")) {
            response.setContentType("application/json;charset=UTF-8");
            response.getOutputStream().write(Json.createObjectBuilder().add("status", status).add("error", status == HttpServletResponse.SC_FORBIDDEN ? "Forbidden" : "Bad Request")
                    .add("message", messages.getString(key + ".api")).build().toString()
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        // Bundle texts only, no request data: nothing to escape.
        String page = "<!DOCTYPE html>\n<html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"UTF-8\"/>"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
                + "<title>" + messages.getString(key + ".title") + " · " + messages.getString("app.name")
                + "</title><link rel=\"stylesheet\" href=\"" + request.getContextPath()
                + "/jakarta.faces.resource/css/app.css.xhtml\"/></head><body><main class=\"login-box\">"
                + "<h1 id=\"error-title\">" + messages.getString(key + ".title") + "</h1><p>"
                + messages.getString(key + ".text") + "</p><p><a href=\"" + request.getContextPath() + "/\">"
                + messages.getString("error.home") + "</a></p></main></body></html>";
        response.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
    }
}
