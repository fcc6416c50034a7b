package org.npsloop.web.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built WAR in a Payara Micro JVM of its own, started and killed by the test, for tests that need
 * settings the Arquillian deployment cannot have (another SMTP port, a short lease), several instances
 * on one database, or a crash. It inherits the test JVM's environment (failsafe's NPS_DB_*, NPS_SMTP_*,
 * NPS_DISPATCH_*, NPS_ADMIN_*), overridden by the variables given. Hazelcast is off unless cluster options are
 * given ({@link #inCluster}); the HTTP port is a
 * free one (Payara binds the next one if it was taken meanwhile: the URL it prints is the one used).
 * Each start logs to {@code target/payara-processes/<name>-<n>.log} and has a root directory of its own,
 * deleted when the process is killed. Only where failsafe runs against PostgreSQL ({@code it.execution}).
 */
final class PayaraMicroProcess implements AutoCloseable {

    private static final Pattern URL_LINE = Pattern.compile("^https?://[^/\\s]+:(\\d+)/?\\s*$", Pattern.MULTILINE);
    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(4);

    /**
     * For an instance that lives a few seconds to a minute: the client compiler and the serial collector start it in
     * ~13 s instead of ~17 s on 2 cores, and such a short life never pays back what C2 costs to compile.
     */
    static final List<String> SHORT_LIVED = List.of("-Xmx768m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final String name;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private List<String> hazelcastOptions = List.of("--nohazelcast");
    /** The WAR it deploys: the built one ({@code app.war}) unless a test gives another. */
    private String war;
    /** True for {@link #zeroConfiguration}: none of the test JVM's NPS_* settings but the administrator's. */
    private boolean zeroConfiguration;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private Path rootDir;
    private URL base;
    private int starts;
    private Duration bootTime;

    /** @param name names the log files and the instance in messages */
    PayaraMicroProcess(String name, Map<String, String> environment) {
        this(name, environment, SHORT_LIVED);
    }

    /** @param jvmOptions options of its JVM ({@link #SHORT_LIVED} unless it runs long) */
    PayaraMicroProcess(String name, Map<String, String> environment, List<String> jvmOptions) {
        this.name = name;
        // No polling of the bounce mailbox (failsafe's GreenMail, in use by the shared application's tests, maybe in the
        // other fork at the same time: a second poller would move their mail away) unless the caller asks for it.
        this.environment = new LinkedHashMap<>(Map.of("NPS_BOUNCE_MAILBOX_HOST", ""));
        this.environment.putAll(environment);
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** Joins a Payara (Hazelcast) cluster with these Payara Micro options instead of running alone. */
    PayaraMicroProcess inCluster(List<String> clusterOptions) {
        this.hazelcastOptions = List.copyOf(clusterOptions);
        return this;
    }

    /** What the current (or last) start has logged so far. */
    String log() {
        return read(Path.of("target", "payara-processes").toAbsolutePath().resolve(name + "-" + starts + ".log"));
    }

    /**
     * The zero-configuration start, as a newcomer runs it: of the test JVM's environment, no NPS_* setting but the first
     * administrator's (no database, SMTP, base URL...), and this data directory, where the embedded H2 database goes.
     */
    static PayaraMicroProcess zeroConfiguration(String name, Path dataDir) {
        PayaraMicroProcess process = new PayaraMicroProcess(name, Map.of("NPS_DATA_DIR", dataDir.toString()));
        process.environment.remove("NPS_BOUNCE_MAILBOX_HOST");
        process.zeroConfiguration = true;
        return process;
    }

    /** Deploys this WAR instead of the built one (e.g. the built one plus test classes, {@link ClockApplication}). */
    PayaraMicroProcess deploying(java.io.File war) {
        this.war = war.getAbsolutePath();
        return this;
    }

    /** Starts the app and returns once {@code /health/ready} answers 200 (database up, schema migrated). */
    PayaraMicroProcess start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is running");
        }
        starts++;
        Path dir = Path.of("target", "payara-processes").toAbsolutePath();
        Path log = dir.resolve(name + "-" + starts + ".log");
        try {
            Files.createDirectories(dir);
            // Always a new one: Payara Micro redeploys what an old root directory's domain.xml lists.
            rootDir = Files.createTempDirectory(dir, name + "-" + starts + "-root-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar("payara.micro.jar", "target/payara-micro.jar"),
                "--deploy", war != null ? war : jar("app.war", "target/ROOT.war"),
                "--port", String.valueOf(port), "--autoBindHttp", "--autoBindRange", "50",
                "--rootdir", rootDir.toString()));
        command.addAll(hazelcastOptions);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (zeroConfiguration) {
            builder.environment().keySet().removeIf(key -> key.startsWith("NPS_") && !key.startsWith("NPS_ADMIN_"));
        } else {
            builder.environment().put("NPS_BASE_URL", "http://localhost:" + port + "/");
        }
        builder.environment().putAll(environment);
        long t0 = System.nanoTime();
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        base = awaitReady(log, t0);
        bootTime = Duration.ofNanos(System.nanoTime() - t0);
        System.out.printf("[%s] Payara Micro pid %d ready at %s in %.1f s (log %s)%n", name, process.pid(), base,
                bootTime.toMillis() / 1000.0, log);
        return this;
    }

    /** SIGKILL to the JVM and anything it started: no shutdown hook, no goodbye to SMTP or the database. */
    void kill() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " (pid " + process.pid() + ") survived SIGKILL");
            }
            for (ProcessHandle child : tree) {
                child.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(name + ": a child process survived SIGKILL", e);
        }
        deleteRootDir();
    }

    /** The runtime directory (~120 MB of unpacked Payara) is of no use once its JVM is gone; the log stays. */
    private void deleteRootDir() {
        if (rootDir == null) {
            return;
        }
        try (var paths = Files.walk(rootDir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.out.println("[" + name + "] could not delete " + rootDir + ": " + e);
        }
        rootDir = null;
    }

    /** Kills it (if running) and starts it again, with these variables changed. */
    PayaraMicroProcess restart(Map<String, String> changes) {
        kill();
        environment.putAll(changes);
        return start();
    }

    URL base() {
        return base;
    }

    /** Its URL named "localhost", as the application's base URL (cookies and links) names it. */
    URL localhostBase() {
        try {
            return URI.create("http://localhost:" + base.getPort() + "/").toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    Duration bootTime() {
        return bootTime;
    }

    String name() {
        return name;
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The tests have nothing to lose: stopping is killing, which is also quickest. */
    @Override
    public void close() {
        kill();
    }

    private URL awaitReady(Path log, long t0) {
        URL url = null;
        String output = "";
        while (System.nanoTime() - t0 < BOOT_TIMEOUT.toNanos()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting:\n" + tail(read(log)));
            }
            if (url == null) {
                output = read(log);
                int urls = output.indexOf("Payara Micro URLs");
                Matcher m = URL_LINE.matcher(output);
                if (urls >= 0 && m.find(urls)) {
                    url = toUrl("http://127.0.0.1:" + m.group(1) + "/");
                }
            }
            if (url != null && ready(url)) {
                return url;
            }
            sleep(250);
        }
        kill();
        throw new IllegalStateException(name + " not ready after " + BOOT_TIMEOUT.toSeconds() + " s:\n" + tail(read(log)));
    }

    private boolean ready(URL url) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url + "health/ready"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String jar(String property, String fallback) {
        File file = new File(System.getProperty(property, fallback));
        if (!file.isFile()) {
            throw new IllegalStateException("Build first (mvn verify copies and builds it): " + file.getAbsolutePath());
        }
        return file.getAbsolutePath();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static String tail(String text) {
        return text.length() <= 6000 ? text : "..." + text.substring(text.length() - 6000);
    }

    private static URL toUrl(String url) {
        try {
            return URI.create(url).toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(url, e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
