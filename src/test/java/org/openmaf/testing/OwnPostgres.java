package org.openmaf.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own, which the test may stop and start (a database outage): {@code initdb} and
 * {@code pg_ctl} of the installed PostgreSQL (the highest version under /usr/lib/postgresql, or the directory
 * MAF_PG_BIN names), a data directory under target/own-postgres, a free port on 127.0.0.1 and no Unix socket. PostgreSQL
 * refuses to run as root, so when the tests run as root its commands run as the {@code postgres} system user (which
 * the Debian package creates). Always {@link #close()} it; a server a killed test run left behind is stopped the next
 * time one is created.
 */
public final class OwnPostgres implements AutoCloseable {

    private static final Path ROOT = Path.of("target", "own-postgres").toAbsolutePath();
    private static final String SYSTEM_USER = "postgres";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    private final Path bin;
    private final Path dataDir;
    private final int port;
    private final boolean asSystemUser;
    private boolean running;

    private OwnPostgres(Path bin, Path dataDir, int port, boolean asSystemUser) {
        this.bin = bin;
        this.dataDir = dataDir;
        this.port = port;
        this.asSystemUser = asSystemUser;
    }

    /** A new, initialised and started server. */
    public static OwnPostgres start(String name) throws IOException, InterruptedException {
        Path bin = binaries();
        boolean asSystemUser = "root".equals(System.getProperty("user.name"));
        Files.createDirectories(ROOT);
        stopLeftovers(bin, asSystemUser);
        int port = freeLoopbackPort();
        OwnPostgres server = new OwnPostgres(bin, dataDirectory(name + "-" + port, asSystemUser), port, asSystemUser);
        server.initialise();
        server.startServer();
        return server;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String user() {
        return SYSTEM_USER;
    }

    public void createDatabase(String database) throws SQLException {
        try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), SYSTEM_USER, "");
                var statement = admin.createStatement()) {
            statement.execute("create database " + database);
        }
    }

    /** Stops the server the way a crash or a pulled cable would: no checkpoint, clients' connections just end. */
    public void stopAbruptly() throws IOException, InterruptedException {
        pgCtl("stop", "-m", "immediate", "-w");
        running = false;
    }

    /** Starts it again on the same port and data (crash recovery replays the WAL). Returns when it accepts connections. */
    public void startServer() throws IOException, InterruptedException {
        pgCtl("start", "-w", "-t", "60", "-l", dataDir.resolve("server.log").toString());
        running = true;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            if (running) {
                stopAbruptly();
            }
        } finally {
            deleteRecursively(dataDir);
        }
    }

    private void initialise() throws IOException, InterruptedException {
        run(command(bin.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", SYSTEM_USER, "-A", "trust",
                "-E", "UTF8", "--locale=C", "--no-sync"));
        // Loopback only, no socket file, small; fsync off: this server only ever loses the MAF, never its own host.
        Files.writeString(dataDir.resolve("postgresql.conf"), String.join("\n",
                "", "# OwnPostgres",
                "port = " + port,
                "listen_addresses = '127.0.0.1'",
                "unix_socket_directories = ''",
                "max_connections = 50",
                "shared_buffers = 16MB",
                "fsync = off",
                "full_page_writes = off",
                ""), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    }

    private void pgCtl(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString()));
        command.addAll(List.of(arguments));
        run(command(command.toArray(String[]::new)));
    }

    private List<String> command(String... command) {
        return command(asSystemUser, command);
    }

    private static List<String> command(boolean asSystemUser, String... command) {
        List<String> full = new ArrayList<>();
        if (asSystemUser) {
            full.addAll(List.of("runuser", "-u", SYSTEM_USER, "--"));
        }
        full.addAll(List.of(command));
        return full;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        // pg_ctl start leaves the server holding inherited descriptors; read until our process ends, not until EOF.
        StringBuilder output = new StringBuilder();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (var in = process.inputReader(StandardCharsets.UTF_8)) {
                in.lines().forEach(line -> {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                });
            } catch (IOException | UncheckedIOException ignored) {
                // the process ended
            }
        });
        if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + String.join(" ", command) + "\n" + output);
        }
        reader.join(Duration.ofSeconds(2));
        if (process.exitValue() != 0) {
            throw new IllegalStateException("failed (" + process.exitValue() + "): " + String.join(" ", command) + "\n" + output);
        }
        synchronized (output) {
            return output.toString();
        }
    }

    /** The installed PostgreSQL's programs: MAF_PG_BIN, or the newest /usr/lib/postgresql/N/bin (Debian's layout). */
    private static Path binaries() throws IOException {
        String configured = System.getenv("MAF_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path installed = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(installed)) {
            try (Stream<Path> versions = Files.list(installed)) {
                var newest = versions.filter(v -> Files.isExecutable(v.resolve("bin").resolve("initdb")))
                        .max(Comparator.comparing(v -> versionOf(v.getFileName().toString())));
                if (newest.isPresent()) {
                    return newest.get().resolve("bin");
                }
            }
        }
        throw new IllegalStateException("No PostgreSQL server programs (initdb, pg_ctl) under /usr/lib/postgresql: install"
                + " the Debian package postgresql, or name their directory in MAF_PG_BIN.");
    }

    private static int versionOf(String name) {
        try {
            return Integer.parseInt(name.replaceAll("\\..*", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * target/own-postgres/NAME, owned by the system user when running as root. Should that user be unable to reach
     * target/ (a checkout under a private home directory), a directory under the system's temporary directory instead.
     */
    private static Path dataDirectory(String name, boolean asSystemUser) throws IOException, InterruptedException {
        Path dir = ROOT.resolve(name);
        deleteRecursively(dir);
        Files.createDirectories(dir);
        if (!asSystemUser) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            return dir;
        }
        handToSystemUser(dir);
        if (reachableBySystemUser(dir)) {
            return dir;
        }
        deleteRecursively(dir);
        Path elsewhere = Files.createTempDirectory("maf-own-postgres-");
        handToSystemUser(elsewhere);
        return elsewhere;
    }

    private static void handToSystemUser(Path dir) throws IOException {
        UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(SYSTEM_USER);
        Files.setOwner(dir, owner);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }

    private static boolean reachableBySystemUser(Path dir) throws IOException, InterruptedException {
        Process probe = new ProcessBuilder(command(true, "test", "-w", dir.toString())).redirectErrorStream(true).start();
        return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
    }

    /** Servers of earlier runs that were killed before their close(): stop them, free their ports and disk. */
    private static void stopLeftovers(Path bin, boolean asSystemUser) throws IOException, InterruptedException {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            for (Path dir : dirs.toList()) {
                if (Files.exists(dir.resolve("postmaster.pid"))) {
                    try {
                        run(command(asSystemUser, bin.resolve("pg_ctl").toString(), "-D", dir.toString(), "stop", "-m",
                                "immediate", "-w"));
                    } catch (IllegalStateException notRunning) {
                        // a stale pid file
                    }
                }
                deleteRecursively(dir);
            }
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
