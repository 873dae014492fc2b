package org.openmaf.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openmaf.client.KeyRegistrationRequest;
import org.openmaf.client.MafClient;
import org.openmaf.client.MafClientException;
import org.openmaf.client.MafClientSettings;
import org.openmaf.client.RegisteredKey;
import org.openmaf.testing.AdminTokens;
import org.openmaf.testing.MafClients;
import org.openmaf.testing.MafProcess;
import org.openmaf.testing.MafTestEnvironment;
import org.openmaf.testing.TestDatabase;
import org.openmaf.testing.TestPki;
import org.openmaf.testing.TestPki.Client;
import org.openmaf.testing.TestPki.ExtraClient;

import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import io.restassured.config.SSLConfig;

/**
 * Contract section 9: any number of MAF instances share one PostgreSQL database behind a load balancer that passes TLS
 * through (L4). Two packaged MAFs start at the same moment on an empty database (Flyway and the configured stakeholders
 * must not race), behind HAProxy in TCP mode, round-robin. A key registered through the balancer is served by either
 * instance with the Kc the source derived from its own exporter; an admin change through one is in force on the other;
 * one instance killed with SIGKILL under registration load loses no key acknowledged with 2001.
 */
class TwoInstancesBehindHaproxyIT {

    private static final String DATABASE = TestDatabase.NAME + "_two";

    private static final List<MafProcess> mafs = new ArrayList<>();
    private static final int[] ports = new int[2];
    private static final int[] managementPorts = new int[2];
    private static Process haproxy;
    private static int balancer;

    @BeforeAll
    static void startTwoMafsAtOnceBehindHaproxy() throws Exception {
        freshDatabase();
        AdminTokens.ensure();
        for (int i = 0; i < 2; i++) {
            ports[i] = MafProcess.freePort();
            Map<String, String> settings = MafProcess.testSettings(ports[i],
                    "jdbc:postgresql://" + TestDatabase.HOST + "/" + DATABASE, TestDatabase.USER);
            settings.put("mp.jwt.verify.publickey.location", AdminTokens.publicKey().toString());
            settings.put("mp.jwt.verify.issuer", AdminTokens.ISSUER);
            managementPorts[i] = Integer.parseInt(settings.get("quarkus.management.port"));
            mafs.add(MafProcess.maf(settings));
        }
        for (MafProcess maf : mafs) {
            maf.awaitLine("Listening on", 120);
            maf.keepReading();
        }
        balancer = MafProcess.freePort();
        haproxy = startHaproxy();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (haproxy != null) {
            haproxy.destroy();
            if (!haproxy.waitFor(10, TimeUnit.SECONDS)) {
                haproxy.destroyForcibly();
            }
        }
        for (MafProcess maf : mafs) {
            maf.close();
        }
    }

    @Test
    void twoInstancesServeAsOne() throws Exception {
        for (int i = 0; i < 2; i++) {
            assertThat(mafs.get(i).output()).as("instance %d", i).doesNotContain("duplicate key").doesNotContain("ERROR");
            MafClients.management(managementPorts[i]).get("/q/health/ready").then().statusCode(200);
        }

        MafClient source = MafClient.create(settings(Client.MN_CSE, balancer));
        MafClient target = MafClient.create(settings(Client.IN_CSE, balancer));
        source.register(MafTestEnvironment.ADMIN_FQDN, null, null);
        target.register(MafTestEnvironment.ADMIN_FQDN, null, null);

        // A key through the balancer, retrieved from each instance directly: the Kc the source derived from the
        // exporter of its connection through HAProxy, whichever instance held that connection.
        List<RegisteredKey> keys = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            keys.add(source.registerKey(KeyRegistrationRequest.forSaef(MafTestEnvironment.ADMIN_FQDN, Client.IN_CSE.clientId)));
        }
        for (int i = 0; i < 2; i++) {
            MafClient direct = MafClient.create(settings(Client.IN_CSE, ports[i]));
            for (RegisteredKey key : keys) {
                assertThat(direct.retrieveKey(key.relativeKeyId()).key()).as("Kc of %s from instance %d", key.relativeKeyId(), i)
                        .isEqualTo(key.psk());
            }
        }

        // Revocation through instance 0, in force on instance 1 from its next request.
        RegisteredKey revoked = keys.getFirst();
        admin(ports[0]).delete("/admin/key-registrations/" + revoked.relativeKeyId()).then().statusCode(org.hamcrest.Matchers.lessThan(300));
        MafClient onOther = MafClient.create(settings(Client.IN_CSE, ports[1]));
        assertThatThrownBy(() -> onOther.retrieveKey(revoked.relativeKeyId())).isInstanceOf(MafClientException.class);
        assertThat(onOther.retrieveKey(keys.get(1).relativeKeyId()).key()).isEqualTo(keys.get(1).psk());

        // A certificate blocked through instance 1 is refused by instance 0 from its next request.
        ExtraClient device = TestPki.issueClient("blocked-behind-haproxy", Files.createDirectories(TestPki.DIR.resolve("scale")));
        MafClients.withKeyStore(device.pkcs12(), ports[0]).get("/maf/mafClientRegs/none").then()
                .header("X-M2M-RSC", org.hamcrest.Matchers.not("4106"));
        admin(ports[1]).contentType("application/json")
                .body("{\"fingerprintSha256\":\"" + device.fingerprint() + "\",\"reason\":\"compromised\"}")
                .post("/admin/blocked-certificates").then().statusCode(201);
        MafClients.withKeyStore(device.pkcs12(), ports[0]).get("/maf/mafClientRegs/none").then().statusCode(403)
                .header("X-M2M-RSC", "4106").body("'m2m:dbg'", containsString("blocked"));

        killOneUnderLoadAndLoseNothing(source);
    }

    /** SIGKILL to instance 0 while three sources register through the balancer; instance 1 serves every 2001. */
    private static void killOneUnderLoadAndLoseNothing(MafClient source) throws Exception {
        Map<String, byte[]> acknowledged = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> registrars = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            registrars.add(Thread.ofPlatform().start(() -> {
                while (running.get()) {
                    try {
                        RegisteredKey key = source.registerKey(KeyRegistrationRequest.forSaef(MafTestEnvironment.ADMIN_FQDN,
                                Client.IN_CSE.clientId));
                        acknowledged.put(key.relativeKeyId(), key.psk());
                    } catch (MafClientException refused) {
                        refusals.add(refused.getMessage());
                    } catch (IOException cutOff) {
                        // the killed instance held this connection
                    }
                }
            }));
        }
        int atKill;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acknowledged.size() < 20) {
                assertThat(System.nanoTime()).as("registrations under way, refusals %s", refusals).isLessThan(deadline);
                TimeUnit.MILLISECONDS.sleep(5);
            }
            atKill = acknowledged.size();
            mafs.getFirst().kill();
            // Registrations go on through the balancer, now to the survivor.
            long goOn = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (acknowledged.size() < atKill + 20) {
                assertThat(System.nanoTime()).as("registrations through the balancer after the kill").isLessThan(goOn);
                TimeUnit.MILLISECONDS.sleep(5);
            }
        } finally {
            running.set(false);
            for (Thread registrar : registrars) {
                registrar.join(java.time.Duration.ofSeconds(40));
            }
        }
        assertThat(refusals).as("answers other than 2001").isEmpty();
        MafClient survivor = MafClient.create(settings(Client.IN_CSE, ports[1]));
        for (var key : acknowledged.entrySet()) {
            assertThat(survivor.retrieveKey(key.getKey()).key()).as("Kc of %s", key.getKey()).isEqualTo(key.getValue());
        }
        System.out.printf("TwoInstancesBehindHaproxyIT: %d keys acknowledged with 2001 (%d before the SIGKILL), all served"
                + " by the surviving instance with the Kc their source derived%n", acknowledged.size(), atKill);
    }

    private static io.restassured.specification.RequestSpecification admin(int port) {
        return RestAssured.given().baseUri("https://localhost:" + port)
                .config(RestAssuredConfig.config().sslConfig(SSLConfig.sslConfig()
                        .trustStore(TestPki.truststore().toString(), TestPki.PASSWORD)))
                .header("Authorization", "Bearer " + AdminTokens.admin());
    }

    private static MafClientSettings settings(Client client, int port) {
        return new MafClientSettings(URI.create("https://localhost:" + port), MafTestEnvironment.MAF_FQDN,
                client.certificate(), client.key(), List.of(TestPki.caCertificate()));
    }

    /** HAProxy (deploy/install-test-tools.sh installs it) in TCP mode: TLS passes through untouched, loopback only. */
    private static Process startHaproxy() throws Exception {
        Path config = Files.createTempFile("haproxy", ".cfg");
        config.toFile().deleteOnExit();
        Files.writeString(config, """
                global
                  maxconn 1000
                defaults
                  mode tcp
                  timeout connect 2s
                  timeout client 60s
                  timeout server 60s
                  retries 3
                  option redispatch
                frontend maf
                  bind 127.0.0.1:%d
                  default_backend mafs
                backend mafs
                  balance roundrobin
                  server a 127.0.0.1:%d check inter 300ms fall 1
                  server b 127.0.0.1:%d check inter 300ms fall 1
                """.formatted(balancer, ports[0], ports[1]));
        String executable = Files.isExecutable(Path.of("/usr/sbin/haproxy")) ? "/usr/sbin/haproxy" : "haproxy";
        Process started = new ProcessBuilder(executable, "-db", "-f", config.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (var probe = new java.net.Socket("127.0.0.1", balancer)) {
                return started;
            } catch (IOException notYet) {
                assertThat(started.isAlive()).as("haproxy running").isTrue();
                assertThat(System.nanoTime()).as("haproxy listening").isLessThan(deadline);
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
    }

    private static void freshDatabase() throws Exception {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + TestDatabase.HOST + "/postgres",
                TestDatabase.USER, ""); var statement = admin.createStatement()) {
            statement.execute("drop database if exists " + DATABASE + " with (force)");
            statement.execute("create database " + DATABASE);
        }
    }
}
