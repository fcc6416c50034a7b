package org.npsloop.web.config;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source whose JDBC driver follows from its URL, so that one {@code @DataSourceDefinition}
 * serves H2 and PostgreSQL alike: the container pools the connections, this class only opens them.
 * Drivers are found through {@link ServiceLoader} on the application's class loader (both are
 * packaged in the WAR), not {@code DriverManager}, which does not see drivers inside a WAR.
 */
public class ConfiguredDataSource implements DataSource {

    private String url;
    private String user;
    private String password;
    private volatile Driver driver;
    private PrintWriter logWriter;
    private int loginTimeout;

    public void setUrl(String url) {
        this.url = url;
        this.driver = null;
    }

    /** Some containers pass the URL under this spelling. */
    public void setURL(String url) {
        setUrl(url);
    }

    public String getUrl() {
        return url;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(user, password);
    }

    @Override
    public Connection getConnection(String username, String pass) throws SQLException {
        Properties props = new Properties();
        if (username != null) {
            props.setProperty("user", username);
        }
        if (pass != null) {
            props.setProperty("password", pass);
        }
        Connection connection = driver().connect(url, props);
        if (connection == null) {
            throw new SQLException("The JDBC driver refused the URL " + url);
        }
        return connection;
    }

    private Driver driver() throws SQLException {
        Driver found = driver;
        if (found == null) {
            if (url == null || url.isBlank()) {
                throw new SQLException("No database URL configured (NPS_DB_URL)");
            }
            // Before H2 creates its file there with the process's umask.
            DataDirectory.prepareConfigured();
            for (Driver candidate : ServiceLoader.load(Driver.class, ConfiguredDataSource.class.getClassLoader())) {
                if (candidate.acceptsURL(url)) {
                    found = candidate;
                    break;
                }
            }
            if (found == null) {
                throw new SQLException("No JDBC driver for " + url + " (supported: jdbc:h2:..., jdbc:postgresql:...)");
            }
            driver = found;
        }
        return found;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("Not a wrapper of " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
