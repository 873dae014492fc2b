package org.openmaf.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * The packaged MAF (production profile, test PKI, admin tokens of {@link AdminTokens}) on a PostgreSQL server of the
 * test's own, for tests that take the database away or kill the MAF. Closing it stops both.
 */
public final class MafOnOwnPostgres implements AutoCloseable {

    private static final String DATABASE = "maf";
    private static final long START_SECONDS = 120;

    private final OwnPostgres postgres;
    private final Map<String, String> settings;
    private final int port;
    private MafProcess maf;

    private final String name;

    private MafOnOwnPostgres(String name, OwnPostgres postgres, Map<String, String> settings, int port) {
        this.name = name;
        this.postgres = postgres;
        this.settings = settings;
        this.port = port;
    }

    public static MafOnOwnPostgres start(String name) throws Exception {
        Files.deleteIfExists(Path.of("target", name + "-maf.log"));
        OwnPostgres postgres = OwnPostgres.start(name);
        try {
            postgres.createDatabase(DATABASE);
            AdminTokens.ensure();
            int port = MafProcess.freePort();
            Map<String, String> settings = MafProcess.testSettings(port, postgres.jdbcUrl(DATABASE), postgres.user());
            settings.put("mp.jwt.verify.publickey.location", AdminTokens.publicKey().toString());
            settings.put("mp.jwt.verify.issuer", AdminTokens.ISSUER);
            MafOnOwnPostgres running = new MafOnOwnPostgres(name, postgres, settings, port);
            running.startMaf();
            return running;
        } catch (Exception | AssertionError e) {
            postgres.close();
            throw e;
        }
    }

    /** Starts the MAF (again, after {@link MafProcess#kill()}) on the same database and port. */
    public void startMaf() throws IOException, InterruptedException {
        keepLog();
        MafProcess started = MafProcess.maf(settings);
        try {
            started.awaitLine("Listening on", START_SECONDS);
        } catch (IOException | AssertionError failed) {
            started.kill();
            throw failed;
        }
        started.keepReading();
        maf = started;
    }

    public MafProcess maf() {
        return maf;
    }

    public OwnPostgres postgres() {
        return postgres;
    }

    public int port() {
        return port;
    }

    public String baseUri() {
        return "https://localhost:" + port;
    }

    /** The MAF's output so far goes to target/NAME-maf.log (appended across restarts), for a look after the test. */
    private void keepLog() throws IOException {
        if (maf != null) {
            Files.writeString(Path.of("target", name + "-maf.log"), maf.output(), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (maf != null) {
                maf.close();
                keepLog();
            }
        } finally {
            postgres.close();
        }
    }
}
