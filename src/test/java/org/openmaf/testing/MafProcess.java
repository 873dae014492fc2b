package org.openmaf.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** A real process: the packaged MAF (target/quarkus-app) or the packaged client (target/maf-client.jar). */
public final class MafProcess implements AutoCloseable {

    public static final Path MAF_RUNNER = Path.of("target", "quarkus-app", "quarkus-run.jar");
    public static final Path CLIENT_JAR = Path.of("target", "maf-client.jar");

    /** Ports {@link #freePort()} has given, so it never gives one twice. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private final Process process;
    private final StringBuilder output = new StringBuilder();
    private final BufferedReader reader;

    private MafProcess(Process process) {
        this.process = process;
        this.reader = process.inputReader(StandardCharsets.UTF_8);
    }

    public static MafProcess java(List<String> jvmOptions, Path jar, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(arguments);
        return new MafProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /**
     * The packaged client's demo IN-CSE on {@code port}, authenticating to the MAF at {@code mafUri} with the test
     * PKI's IN-CSE certificate; returns once it listens.
     */
    public static MafProcess inCseDemo(String mafUri, int port) throws IOException {
        MafProcess inCse = java(List.of(), CLIENT_JAR, List.of("in-cse-demo", "--maf", mafUri,
                "--maf-fqdn", MafTestEnvironment.MAF_FQDN, "--cert", TestPki.Client.IN_CSE.certificate().toString(),
                "--key", TestPki.Client.IN_CSE.key().toString(), "--ca", TestPki.caCertificate().toString(),
                "--port", String.valueOf(port)));
        inCse.awaitLine("IN-CSE demo listening", 60);
        return inCse;
    }

    /** The production-profile MAF with these settings (written to a file named by quarkus.config.locations). */
    public static MafProcess maf(Map<String, String> settings) throws IOException {
        Path file = Files.createTempFile("maf", ".properties");
        file.toFile().deleteOnExit(); // it holds the test KEK and database settings
        Files.writeString(file, settings.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n")));
        return java(List.of("-Dquarkus.config.locations=" + file.toUri()), MAF_RUNNER, List.of());
    }

    /** The complete settings of a MAF on the test PKI and test database, listening on {@code port}. */
    public static Map<String, String> testSettings(int port) {
        TestDatabase.ensure();
        return testSettings(port, TestDatabase.jdbcUrl(), TestDatabase.USER);
    }

    /** The complete settings of a MAF on the test PKI and the given PostgreSQL database, listening on {@code port}. */
    public static Map<String, String> testSettings(int port, String jdbcUrl, String databaseUser) {
        TestPki.ensure();
        // The KEK ids of the @QuarkusTest configuration (MafTestEnvironment): both share the test database and its KEK
        // canary (org.openmaf.crypto.KekCanary).
        Map<String, String> settings = new java.util.HashMap<>(Map.ofEntries(
                Map.entry("maf.crypto.kek-id", "test-k1"),
                Map.entry("maf.crypto.previous-keks.\"test-k0\"", MafTestEnvironment.RETIRED_TEST_KEK),
                Map.entry("maf.fqdn", MafTestEnvironment.MAF_FQDN),
                Map.entry("maf.tls.server-cert", TestPki.serverCertificate().toString()),
                Map.entry("maf.tls.server-key", TestPki.serverKey().toString()),
                Map.entry("maf.tls.trust-anchors", TestPki.caCertificate().toString()),
                Map.entry("maf.crypto.kek", MafTestEnvironment.TEST_KEK),
                Map.entry("maf.stakeholders.\"" + MafTestEnvironment.ADMIN_FQDN + "\".authorized-clients", "//" + TestPki.SP + "/*"),
                Map.entry("quarkus.datasource.jdbc.url", jdbcUrl),
                Map.entry("quarkus.datasource.username", databaseUser),
                Map.entry("quarkus.http.ssl-port", String.valueOf(port))));
        // Health and metrics (contract section 9) on a free port of their own: never 9000, which another MAF may hold.
        settings.put("quarkus.management.port", String.valueOf(freePortOrFail()));
        // The TLS-PSK listener (contract section 8) on a free port too: never 8444, which another MAF may hold.
        settings.put("maf.psk.port", String.valueOf(freePortOrFail()));
        return settings;
    }

    private static int freePortOrFail() {
        try {
            return freePort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A port free now and never handed out before by this JVM. The kernel may give a port it gave a moment ago, and a
     * MAF whose TLS endpoint and management interface were given one port serves both: Vert.x shares one listening
     * socket between its servers on a port and hands connections to each in turn, so every few handshakes met plain
     * HTTP ("Unsupported or unrecognized SSL message").
     */
    public static int freePort() throws IOException {
        while (true) {
            try (ServerSocket free = new ServerSocket(0)) {
                if (HANDED_OUT.add(free.getLocalPort())) {
                    return free.getLocalPort();
                }
            }
        }
    }

    /** Reads output until a line contains {@code text}; fails with everything read when the process ends first. */
    public String awaitLine(String text, long seconds) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            append(line);
            if (line.contains(text)) {
                return line;
            }
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        throw new AssertionError("no line with '" + text + "' within " + seconds + " s:\n" + output());
    }

    /**
     * Keeps reading the process's output in the background (after {@link #awaitLine}), so a process that logs a lot
     * never blocks on a full pipe; {@link #output()} has everything read so far.
     */
    public void keepReading() {
        Thread.ofVirtual().start(() -> {
            try {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    append(line);
                }
            } catch (IOException ended) {
                // the process is gone
            }
        });
    }

    /** The process itself: {@code java} was started directly, so this is the JVM, not a shell around it. */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** kill -9: no shutdown hooks, no graceful close of connections or transactions. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("process " + process.pid() + " survived SIGKILL for 30 s");
        }
    }

    private void append(String line) {
        synchronized (output) {
            output.append(line).append('\n');
        }
    }

    /** Waits for the process to end and returns its exit code and whole output. */
    public int awaitExit(long seconds) throws IOException, InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("process did not exit within " + seconds + " s:\n" + output());
        }
        append(reader.lines().collect(Collectors.joining("\n")));
        return process.exitValue();
    }

    public String output() {
        synchronized (output) {
            return output.toString();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
