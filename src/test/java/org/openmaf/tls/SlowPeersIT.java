package org.openmaf.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openmaf.testing.MafProcess;
import org.openmaf.testing.RawHttps;
import org.openmaf.testing.MafClients;
import org.openmaf.testing.TestPki;
import org.openmaf.testing.TestPki.Client;

/**
 * Contract section 6, slow and idle peers, against the packaged MAF in the production profile. Its timeouts are
 * shortened here (header 2 s, idle 5 s, at most 5 connections without a certificate) so the test takes seconds; that
 * the production defaults are the contract's 10 s and 60 s is {@code ConnectionLimitsDefaultsTest}'s to show.
 */
class SlowPeersIT {

    static final Duration HEADER_TIMEOUT = Duration.ofSeconds(2);
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(5);
    static final int MAX_UNAUTHENTICATED = 5;
    /** Timers fire on a loaded machine a little late; never as late as the next timeout in question. */
    static final Duration SLACK = Duration.ofMillis(2500);

    static MafProcess maf;
    static int port;
    static int managementPort;
    static SSLContext withCertificate;
    static SSLContext withoutCertificate;

    @BeforeAll
    static void startTheMaf() throws Exception {
        port = MafProcess.freePort();
        Map<String, String> settings = MafProcess.testSettings(port);
        settings.put("maf.http.header-timeout", HEADER_TIMEOUT.toSeconds() + "s");
        settings.put("quarkus.http.idle-timeout", IDLE_TIMEOUT.toSeconds() + "s");
        settings.put("maf.tls.max-unauthenticated-connections", String.valueOf(MAX_UNAUTHENTICATED));
        managementPort = Integer.parseInt(settings.get("quarkus.management.port"));
        maf = MafProcess.maf(settings);
        maf.awaitLine("Listening on", 90);
        withCertificate = RawHttps.context(Client.MN_CSE);
        withoutCertificate = RawHttps.contextWithoutCertificate();
    }

    @AfterAll
    static void stopTheMaf() throws Exception {
        if (maf != null) {
            maf.close();
        }
    }

    @Test
    void peersTricklingTheirHeadersAreClosedAfterTheHeaderTimeout() throws Exception {
        double before = closedConnections("header-timeout");
        List<SSLContext> peers = new ArrayList<>();
        for (int i = 0; i < MAX_UNAUTHENTICATED; i++) {
            peers.add(withoutCertificate);
        }
        peers.add(withCertificate);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Duration>> closed = new ArrayList<>();
            for (SSLContext peer : peers) {
                closed.add(threads.submit(() -> trickleUntilClosed(peer)));
            }
            for (Future<Duration> heldFor : closed) {
                // One byte every 300 ms keeps the connection from ever being idle, but not its headers from being late.
                assertThat(heldFor.get(30, TimeUnit.SECONDS))
                        .isGreaterThanOrEqualTo(HEADER_TIMEOUT.minusMillis(100))
                        .isLessThan(HEADER_TIMEOUT.plus(SLACK));
            }
        }
        assertThat(closedConnections("header-timeout") - before).isGreaterThanOrEqualTo(peers.size());
        try (RawHttps stillServing = RawHttps.open(withCertificate, port)) {
            assertThat(stillServing.exchange("GET", "/q/openapi", null)).isEqualTo(200);
        }
    }

    private static Duration trickleUntilClosed(SSLContext peer) throws IOException {
        try (RawHttps connection = RawHttps.open(peer, port)) {
            long start = System.nanoTime();
            String request = "GET /q/openapi HTTP/1.1\r\nHost: localhost\r\nX-Slow: ";
            for (int i = 0; i < 100; i++) {
                try {
                    connection.send(i < request.length() ? request.substring(i, i + 1) : "a");
                } catch (IOException closedWhileSending) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
                if (connection.closedByServerWithin(Duration.ofMillis(300))) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            }
            throw new AssertionError("30 s of trickled headers were accepted");
        }
    }

    @Test
    void aConnectionThatSendsNoRequestIsClosedAfterTheHeaderTimeout() throws Exception {
        try (RawHttps silent = RawHttps.open(withCertificate, port)) {
            assertThat(silent.awaitClosedByServer(IDLE_TIMEOUT.multipliedBy(3)))
                    .isGreaterThanOrEqualTo(HEADER_TIMEOUT.minusMillis(100)).isLessThan(HEADER_TIMEOUT.plus(SLACK));
        }
    }

    @Test
    void anIdleConnectionIsClosedAfterTheIdleTimeoutAndServesUntilThen() throws Exception {
        try (RawHttps connection = RawHttps.open(withCertificate, port)) {
            assertThat(connection.exchange("GET", "/q/openapi", null)).isEqualTo(200);
            // Between requests only the idle timeout runs, not the header timeout.
            Thread.sleep(HEADER_TIMEOUT.plusMillis(1000).toMillis());
            assertThat(connection.exchange("GET", "/maf/mafClientRegs/unknown", null)).isEqualTo(404);
            assertThat(connection.awaitClosedByServer(IDLE_TIMEOUT.multipliedBy(3)))
                    .isGreaterThanOrEqualTo(IDLE_TIMEOUT.minusMillis(100)).isLessThan(IDLE_TIMEOUT.plus(SLACK));
        }
    }

    @Test
    void connectionsWithoutACertificateAreBoundedWhileCertificatesStillGetIn() throws Exception {
        double before = closedConnections("unauthenticated-limit");
        List<RawHttps> held = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_UNAUTHENTICATED; i++) {
                RawHttps browser = RawHttps.open(withoutCertificate, port);
                held.add(browser);
                assertThat(browser.exchange("GET", "/q/openapi", null)).isEqualTo(200);
            }
            try (RawHttps oneTooMany = RawHttps.open(withoutCertificate, port)) {
                assertThatThrownBy(() -> oneTooMany.exchange("GET", "/q/openapi", null)).isInstanceOf(IOException.class);
            }
            try (RawHttps client = RawHttps.open(withCertificate, port)) {
                assertThat(client.exchange("GET", "/maf/mafClientRegs/unknown", null)).isEqualTo(404);
            }
            held.remove(0).close();
            assertThat(afterAPlaceIsFree()).isEqualTo(200);
        } finally {
            for (RawHttps connection : held) {
                connection.close();
            }
        }
        assertThat(closedConnections("unauthenticated-limit") - before).isGreaterThanOrEqualTo(1);
    }

    /** The server learns of a closed connection a moment after the client closed it. */
    private static int afterAPlaceIsFree() throws Exception {
        for (int attempt = 0; ; attempt++) {
            try (RawHttps browser = RawHttps.open(withoutCertificate, port)) {
                return browser.exchange("GET", "/q/openapi", null);
            } catch (IOException stillFull) {
                if (attempt == 20) {
                    throw stillFull;
                }
                Thread.sleep(100);
            }
        }
    }

    @Test
    void aClientCannotRenegotiateTls12() throws Exception {
        List<String> command = List.of("openssl", "s_client", "-connect", "localhost:" + port, "-servername", "localhost",
                "-CAfile", TestPki.caCertificate().toString(), "-verify_return_error", "-tls1_2",
                "-cert", Client.MN_CSE.certificate().toString(), "-key", Client.MN_CSE.key().toString());
        Process openssl = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                output.append(new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the process ended
            }
        });
        try {
            // s_client reads commands from stdin when neither -quiet nor -ign_eof is given: "R" renegotiates.
            Thread.sleep(1000);
            openssl.getOutputStream().write("R\n".getBytes(StandardCharsets.US_ASCII));
            openssl.getOutputStream().flush();
            Thread.sleep(1500);
            // Were the connection still up, this request would be answered.
            openssl.getOutputStream().write("GET /q/openapi HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            openssl.getOutputStream().flush();
        } catch (IOException connectionAlreadyGone) {
            // s_client ended when the server refused: what this test expects.
        }
        boolean ended = openssl.waitFor(10, TimeUnit.SECONDS);
        openssl.destroyForcibly();
        reader.join(5000);
        assertThat(output.toString()).contains("Protocol  : TLSv1.2").contains("RENEGOTIATING")
                .contains("alert handshake failure").doesNotContain("HTTP/1.1 200");
        assertThat(ended).as("s_client ends when the server refuses the renegotiation").isTrue();
    }

    /** A counter from /q/metrics on the management interface (contract section 9), which no bound applies to. */
    private static double closedConnections(String reason) {
        String metrics = MafClients.management(managementPort).get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher counter = Pattern.compile("(?m)^maf_connections_closed_total\\{reason=\"" + Pattern.quote(reason)
                + "\",?\\} ([0-9.Ee+-]+)$").matcher(metrics);
        assertThat(counter.find()).as("maf_connections_closed_total{reason=%s} in %s", reason, "/q/metrics").isTrue();
        return Double.parseDouble(counter.group(1));
    }
}
