package org.npsloop.web.security;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The session cookie is {@code Secure} when the app is published over HTTPS ({@code nps.base-url}),
 * even when a proxy in front talks plain HTTP to it; otherwise Payara marks it Secure on HTTPS
 * requests only. (SameSite=Lax and HttpOnly: WEB-INF/glassfish-web.xml and web.xml.)
 */
@WebListener
public class SessionCookieSecurity implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        String baseUrl = ConfigProvider.getConfig().getOptionalValue("nps.base-url", String.class).orElse("");
        if (baseUrl.strip().toLowerCase(Locale.ROOT).startsWith("https://")) {
            event.getServletContext().getSessionCookieConfig().setSecure(true);
        }
    }
}
