package org.npsloop.web.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser-like HTTP session (its own cookies), redirects not followed so tests can see them. Like a
 * browser on the app's own pages, it sends {@code Origin: <base>} with every request (the app refuses
 * state changes of a session that come from elsewhere).
 */
final class WebClient {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern CSP_NONCE = Pattern.compile("<script[^>]* nonce=\"([^\"]+)\"");

    /** The field PrimeFaces' script adds to every form under the Content-Security-Policy. */
    static final String CSP_NONCE_FIELD = "primefaces.nonce";

    private final URI base;
    private final HttpClient http;
    private final Map<String, String> headers = new LinkedHashMap<>();

    WebClient(URL base) {
        this(URI.create(base.toExternalForm()), HttpClient.Version.HTTP_2);
    }

    private WebClient(URI base, HttpClient.Version version) {
        this(base, HttpClient.newBuilder().cookieHandler(new CookieManager()).version(version)
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    private WebClient(URI base, HttpClient http) {
        this.base = base;
        this.http = http;
        headers.put("Origin", origin(this.base));
    }

    /**
     * The same browser (its cookies, so its session) sending to another server of the same host, as it does behind a
     * load balancer; its pages' {@code Origin} is that server's.
     */
    WebClient on(URL otherBase) {
        WebClient copy = new WebClient(URI.create(otherBase.toExternalForm()), http);
        headers.forEach((name, value) -> copy.headers.putIfAbsent(name, value));
        return copy;
    }

    /**
     * The same headers over HTTP/1.1 only: the JDK client's h2c upgrade of a request with a body of a few MB times out on
     * Payara (Grizzly) and the connection ends with "EOF reached while reading".
     */
    WebClient overHttp11() {
        WebClient copy = new WebClient(base, HttpClient.Version.HTTP_1_1);
        copy.headers.putAll(headers);
        return copy;
    }

    /** scheme://host:port of a URL, as a browser writes it in {@code Origin}. */
    static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /**
     * A client address no other test uses (documentation range 2001:db8::/32), for {@code X-Forwarded-For}: the
     * tests share one application, whose per-address limits (sign-in, public pages) must not carry from one to another.
     */
    static String uniqueClientAddress() {
        return "2001:db8::" + Long.toHexString(System.nanoTime() & 0xffff) + ":" + Long.toHexString(
                java.util.concurrent.ThreadLocalRandom.current().nextLong(0x10000));
    }

    /** Sends this header with every request from now on (e.g. an API key). */
    WebClient withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Stops sending this header (e.g. {@code Origin}, to act as a client that sends none). */
    WebClient withoutHeader(String name) {
        headers.remove(name);
        return this;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(resolve(path)).GET().header("Accept-Language", "en"));
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A multipart form post with one file, as a browser's file input (or PrimeFaces' uploader) sends it. */
    HttpResponse<String> postMultipart(String path, Map<String, String> fields, String fileField, String fileName, String content) {
        String boundary = "----nps" + Long.toHexString(System.nanoTime());
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fileField)
                .append("\"; filename=\"").append(fileName).append("\"\r\nContent-Type: text/csv\r\n\r\n").append(content)
                .append("\r\n--").append(boundary).append("--\r\n");
        return send(HttpRequest.newBuilder(resolve(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    }

    HttpResponse<String> send(String method, String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(resolve(path)).header("Content-Type", contentType)
                .header("Accept", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    HttpResponse<String> sendJson(String method, String path, String json) {
        return send(HttpRequest.newBuilder(resolve(path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Posts the login form; returns where the server redirects to. */
    String login(String username, String password) {
        HttpResponse<String> response = postForm("j_security_check", Map.of("j_username", username, "j_password", password));
        return response.headers().firstValue("Location").orElse("(no redirect, status " + response.statusCode() + ")");
    }

    /** Fills and submits the change-password page as a user with a temporary password does. */
    HttpResponse<String> changePassword(String current, String newPassword) {
        HttpResponse<String> page = get("account/password.xhtml");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("passwordForm", "passwordForm");
        form.put("passwordForm:current", current);
        form.put("passwordForm:newPassword", newPassword);
        form.put("passwordForm:confirmation", newPassword);
        form.put("passwordForm:submit", "");
        form.put("jakarta.faces.ViewState", viewState(page.body()));
        form.put(CSP_NONCE_FIELD, cspNonce(page.body()));
        return postForm("account/password.xhtml", form);
    }

    URI resolve(String path) {
        return base.resolve(path);
    }

    static String viewState(String html) {
        Matcher m = VIEW_STATE.matcher(html);
        if (!m.find()) {
            throw new AssertionError("No JSF view state in page:\n" + html);
        }
        return m.group(1);
    }

    /**
     * The page's CSP nonce, which PrimeFaces' script adds to every form as {@value #CSP_NONCE_FIELD} and
     * requires back on a Faces postback (a postback without it fails).
     */
    static String cspNonce(String html) {
        Matcher m = CSP_NONCE.matcher(html);
        if (!m.find()) {
            throw new AssertionError("No CSP nonce in page:\n" + html);
        }
        return m.group(1);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
