package org.openmaf.bench;

import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import io.smallrye.jwt.build.Jwt;

import org.openmaf.client.KeyRegistrationRequest;
import org.openmaf.client.MafClient;
import org.openmaf.client.MafClientSettings;
import org.openmaf.client.RegisteredKey;
import org.openmaf.client.psk.PskClientConnection;
import org.openmaf.config.MafConfig;
import org.openmaf.crypto.KeyEncryption;
import org.openmaf.crypto.SealedKey;
import org.openmaf.pki.CertificateAuthority;
import org.openmaf.pki.SubjectAltNames;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The parts of the benchmark (src/bench/run.sh) that need the project's own code, run from the test classpath:
 * <ul>
 * <li>{@code pki DIR SP}: a CA, the MAF's server certificate and the clients ({@code //SP/bench-mn}, the registering
 * MN-CSE, {@code //SP/bench-in}, the IN-CSE that retrieves, and {@code //SP/bench-dev-1} to {@value #DEVICES}, devices
 * that register keys each for itself), in PEM, plus an admin JWT signing key;</li>
 * <li>{@code token DIR}: a 10-minute {@code maf-admin} bearer token signed by that key;</li>
 * <li>{@code seed ...}: stored keys sealed by the MAF's own {@link KeyEncryption} under the MAF's KEK and
 * bulk-inserted with COPY (a million in well under a minute; over HTTP it would take hours);</li>
 * <li>{@code sa ...}: security associations per second end to end (TS-0003 8.2.2.3): the device registers a key at the
 * MAF on a new mutual-TLS connection, then completes a TLS-PSK handshake with the demo IN-CSE, which retrieves the key
 * from the MAF while the device waits.</li>
 * </ul>
 * Benchmark fixtures only: the keys and tokens it makes are for a throw-away database and a throw-away MAF.
 */
public final class BenchFixture {

    public static final String ISSUER = "https://issuer.bench.example/maf-admin";
    /** Devices with a certificate each: the registration load from as many sources as clients (src/bench/run.sh). */
    static final int DEVICES = 8;
    public static final String AUDIENCE = "https://maf.bench.example/admin";

    private BenchFixture() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "pki" -> pki(Path.of(args[1]), args[2]);
            case "token" -> System.out.println(token(Path.of(args[1])));
            case "seed" -> seed(args);
            case "sa" -> securityAssociations(args);
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    // ---- PKI and admin tokens ----

    static void pki(Path dir, String sp) throws Exception {
        Files.createDirectories(dir);
        Duration validity = Duration.ofDays(7);
        CertificateAuthority ca = CertificateAuthority.create("MAF bench CA", validity);
        ca.credential().writePem(dir.resolve("ca.pem"), dir.resolve("ca.key"));
        ca.issueServer("localhost", List.of("localhost"), validity).writePem(dir.resolve("server.pem"), dir.resolve("server.key"));
        List<String> clients = new ArrayList<>(List.of("bench-mn", "bench-in"));
        for (int device = 1; device <= DEVICES; device++) {
            clients.add("bench-dev-" + device);
        }
        for (String name : clients) {
            ca.issueClient(name, List.of(SubjectAltNames.dns(sp + "/" + name)), validity)
                    .writePem(dir.resolve(name + ".pem"), dir.resolve(name + ".key"));
            // HAProxy wants certificate and key in one file.
            Files.writeString(dir.resolve(name + "-both.pem"),
                    Files.readString(dir.resolve(name + ".pem")) + Files.readString(dir.resolve(name + ".key")));
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair jwt = generator.generateKeyPair();
        Files.writeString(dir.resolve("jwt-private.pem"), pem("PRIVATE KEY", jwt.getPrivate().getEncoded()));
        Files.writeString(dir.resolve("jwt-public.pem"), pem("PUBLIC KEY", jwt.getPublic().getEncoded()));
    }

    static String token(Path dir) throws Exception {
        String body = Files.readString(dir.resolve("jwt-private.pem")).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject("bench@operator.example").groups("maf-admin")
                .expiresIn(Duration.ofMinutes(10)).sign(key);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    // ---- Seeding ----

    /**
     * {@code seed JDBC_URL USER COUNT ADMIN_FQDN SOURCE_PREFIX TARGET_ID KEK_ID KEK_B64 IDS_FILE SAMPLE}: COUNT keys from
     * sources SOURCE_PREFIX-0..N (1,000 keys each, each source with a registration, as the schema requires), each
     * targeting TARGET_ID, exporter-derived (so each has its used_kcid row); appends a random SAMPLE of the new
     * RelativeKeyIDs to IDS_FILE.
     */
    static void seed(String[] a) throws Exception {
        String url = a[1], user = a[2];
        int count = Integer.parseInt(a[3]);
        String adminFqdn = a[4], sourcePrefix = a[5], target = a[6], kekId = a[7], kek = a[8];
        Path idsFile = Path.of(a[9]);
        int sample = Integer.parseInt(a[10]);
        KeyEncryption sealing = new KeyEncryption(config(kekId, kek));
        SecureRandom random = new SecureRandom();
        long started = System.nanoTime();
        String now = OffsetDateTime.now(ZoneOffset.UTC).toString();
        String expires = OffsetDateTime.now(ZoneOffset.UTC).plusDays(6).toString();
        int perSource = 1000;
        int sources = (count + perSource - 1) / perSource;
        String run = Long.toHexString(random.nextLong() & 0xffffffL);
        HexFormat hex = HexFormat.of().withUpperCase();
        List<String> ids = new ArrayList<>(count);
        StringBuilder registrations = new StringBuilder();
        for (int s = 0; s < sources; s++) {
            registrations.append(run).append('r').append(s).append('\t').append(sourcePrefix).append(run).append('-').append(s)
                    .append('\t').append(adminFqdn).append("\t\\N\t").append(expires).append('\t').append(now).append('\t')
                    .append(now).append('\n');
        }
        try (Connection db = DriverManager.getConnection(url, user, null)) {
            db.setAutoCommit(false);
            List<String> indexes = dropSecondaryIndexes(db, count);
            try (Statement session = db.createStatement()) {
                // Bulk load of rows consistent by construction: no per-row foreign-key triggers (needs a superuser).
                session.execute("SET LOCAL session_replication_role = replica");
            }
            CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("COPY client_registration (id, client_id, admin_fqdn, labels, expiration_time, creation_time,"
                    + " last_modified_time) FROM STDIN", new StringReader(registrations.toString()));
            // The three tables are written in chunks, so the text never holds more than 50,000 rows at once.
            int chunk = 50_000;
            byte[] value = new byte[32];
            for (int from = 0; from < count; from += chunk) {
                StringBuilder keys = new StringBuilder(), targets = new StringBuilder(), used = new StringBuilder();
                for (int i = from; i < Math.min(count, from + chunk); i++) {
                    byte[] kcid = new byte[16];
                    random.nextBytes(kcid);
                    String id = hex.formatHex(kcid);
                    random.nextBytes(value);
                    SealedKey sealed = sealing.seal(value, id);
                    keys.append(id).append('\t').append(sourcePrefix).append(run).append('-').append(i / perSource).append('\t')
                            .append(adminFqdn).append("\t32\t\\N\t").append(expires).append('\t').append(now).append('\t')
                            .append(now).append("\texporter\t").append(sealed.kekId()).append("\t\\\\x")
                            .append(hex.formatHex(sealed.nonce())).append("\t\\\\x").append(hex.formatHex(sealed.ciphertext()))
                            .append('\n');
                    targets.append(id).append("\t0\t").append(target).append('\n');
                    used.append(id).append('\t').append(expires).append('\n');
                    ids.add(id);
                }
                java.util.Arrays.fill(value, (byte) 0);
                copy.copyIn("COPY key_registration (relative_key_id, source_id, admin_fqdn, suid, labels, expiration_time,"
                        + " creation_time, last_modified_time, key_origin, kek_id, key_nonce, key_ciphertext) FROM STDIN",
                        new StringReader(keys.toString()));
                copy.copyIn("COPY key_target (relative_key_id, target_index, target_id) FROM STDIN", new StringReader(targets.toString()));
                copy.copyIn("COPY used_kcid (relative_key_id, kept_until) FROM STDIN", new StringReader(used.toString()));
            }
            try (Statement rebuild = db.createStatement()) {
                for (String index : indexes) {
                    rebuild.execute(index);
                }
            }
            db.commit();
            try (Statement analyze = db.createStatement()) {
                db.setAutoCommit(true);
                analyze.execute("ANALYZE client_registration, key_registration, key_target, used_kcid");
            }
        }
        java.util.Collections.shuffle(ids, random);
        try (Writer out = Files.newBufferedWriter(idsFile, StandardCharsets.US_ASCII,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND)) {
            for (String id : ids.subList(0, Math.min(sample, ids.size()))) {
                out.write(id);
                out.write('\n');
            }
        }
        System.out.printf("seeded %d keys (%d sources) in %.1f s%n", count, sources, (System.nanoTime() - started) / 1e9);
    }

    /**
     * For a large load, the secondary (non-unique) indexes of the written tables are dropped in the loading transaction
     * and rebuilt at its end from their own definitions (pg_indexes), whatever migrations defined them: one sort per
     * index instead of a million insertions. Primary keys and unique constraints stay, so duplicates still fail.
     */
    private static List<String> dropSecondaryIndexes(Connection db, int count) throws java.sql.SQLException {
        List<String> definitions = new ArrayList<>();
        if (count < 100_000) {
            return definitions;
        }
        List<String> names = new ArrayList<>();
        try (Statement query = db.createStatement();
                var rows = query.executeQuery("select i.indexname, i.indexdef from pg_indexes i join pg_class c on c.relname = i.indexname"
                        + " join pg_index x on x.indexrelid = c.oid where i.schemaname = current_schema() and i.tablename in"
                        + " ('key_registration', 'key_target', 'used_kcid') and not x.indisunique")) {
            while (rows.next()) {
                names.add(rows.getString(1));
                definitions.add(rows.getString(2));
            }
        }
        try (Statement drop = db.createStatement()) {
            for (String name : names) {
                drop.execute("drop index " + name);
            }
        }
        return definitions;
    }

    /** The settings KeyEncryption reads, as the running MAF has them (maf.crypto.kek-id, maf.crypto.kek). */
    private static MafConfig config(String kekId, String kek) {
        MafConfig.Crypto crypto = (MafConfig.Crypto) Proxy.newProxyInstance(BenchFixture.class.getClassLoader(),
                new Class<?>[] {MafConfig.Crypto.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "kek" -> kek;
                    case "kekId" -> kekId;
                    case "previousKeks" -> Map.of();
                    case "toString" -> "bench crypto settings";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (MafConfig) Proxy.newProxyInstance(BenchFixture.class.getClassLoader(), new Class<?>[] {MafConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "crypto" -> crypto;
                    case "toString" -> "bench settings";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static double percentile(List<Long> nanos, double fraction) {
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(null);
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * fraction))) / 1e6;
    }

    // ---- Security associations end to end ----

    /**
     * {@code sa MAF_URI MAF_FQDN PKI_DIR SP ADMIN_FQDN IN_CSE_PORT THREADS SECONDS [WARM_UP_SECONDS]}: THREADS devices
     * (all the MN-CSE's certificate) loop: register a key for the IN-CSE (new mutual-TLS connection, Kc from its
     * exporter), then a TLS-PSK handshake with the demo IN-CSE under that key and one line exchanged. Prints the completed
     * associations per second, and how many were completed in all, warm-up included ({@code all=}, to divide the MAF's
     * CPU over the whole run by). The same loop runs WARM_UP_SECONDS first, unmeasured, in this JVM: a warm-up in another
     * JVM left this one's class loading and JIT in the first measured associations, which made the p99.
     */
    static void securityAssociations(String[] a) throws Exception {
        URI maf = URI.create(a[1]);
        String mafFqdn = a[2];
        Path pki = Path.of(a[3]);
        String sp = a[4], adminFqdn = a[5];
        int inCsePort = Integer.parseInt(a[6]), threads = Integer.parseInt(a[7]);
        double seconds = Double.parseDouble(a[8]);
        double warmUpSeconds = a.length > 9 ? Double.parseDouble(a[9]) : 0;
        MafClient device = MafClient.create(new MafClientSettings(maf, mafFqdn, pki.resolve("bench-mn.pem"),
                pki.resolve("bench-mn.key"), List.of(pki.resolve("ca.pem"))));
        String inCse = "//" + sp + "/bench-in";
        AtomicLong ok = new AtomicLong(), failed = new AtomicLong(), all = new AtomicLong();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Long> registrations = java.util.Collections.synchronizedList(new ArrayList<>());
        long measuredFrom = System.nanoTime() + (long) (warmUpSeconds * 1e9);
        long end = measuredFrom + (long) (seconds * 1e9);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    boolean measured = t0 >= measuredFrom;
                    try {
                        RegisteredKey key = device.registerKey(KeyRegistrationRequest.forSaef(adminFqdn, inCse));
                        long registered = System.nanoTime() - t0;
                        String reply = PskClientConnection.exchangeLine("127.0.0.1", inCsePort, key.keyIdentifier().toString(),
                                key.psk(), "bench", Duration.ofSeconds(10));
                        boolean associated = reply != null && reply.contains("authenticated source: //" + sp + "/bench-mn");
                        if (associated) {
                            all.incrementAndGet();
                        }
                        if (measured && associated) {
                            ok.incrementAndGet();
                            registrations.add(registered);
                            latencies.add(System.nanoTime() - t0);
                        } else if (measured) {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        if (measured) {
                            failed.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        System.out.printf("ok=%d bad=%d rate=%.1f/s p50_ms=%.1f p99_ms=%.1f registration_median=%.1fms all=%d%n", ok.get(),
                failed.get(), ok.get() / seconds, percentile(latencies, 0.5), percentile(latencies, 0.99),
                percentile(registrations, 0.5), all.get());
    }
}
