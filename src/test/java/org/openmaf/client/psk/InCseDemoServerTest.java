package org.openmaf.client.psk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo IN-CSE over real TLS-PSK: with our own AE client code and with OpenSSL as an independent AE. */
class InCseDemoServerTest {

    static final String MAF_FQDN = "maf.test.example";
    static final String SOURCE = "//my.m2mprovider.org/CAE3";
    static final String REL = "0A1B2C3D4E5F60718293A4B5C6D7E8F9";
    static final String ESPRIM_REL = "FFEEDDCCBBAA99887766554433221100";
    static final Instant START = Instant.parse("2026-11-22T12:00:00Z");
    static final String SUITE = "PSK-AES128-CBC-SHA256";

    static final byte[] KC = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    MutableClock clock;
    StubKeySource maf;
    InCseDemoServer server;
    final List<String> logged = new CopyOnWriteArrayList<>();
    final Handler logCapture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(new SimpleFormatter().formatMessage(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void start() throws IOException {
        Logger.getLogger("org.openmaf.client").addHandler(logCapture);
        clock = new MutableClock(START);
        maf = new StubKeySource()
                .add(REL, KC, SOURCE, 32, START.plus(Duration.ofHours(1)))
                .add(ESPRIM_REL, KC, SOURCE, 33, START.plus(Duration.ofHours(1)));
        server = InCseDemoServer.start(MAF_FQDN, new MafKeyCache(maf, clock), InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        Logger.getLogger("org.openmaf.client").removeHandler(logCapture);
        assertThat(logged).as("log lines").isNotEmpty().noneMatch(line -> line.toLowerCase().contains(hex(KC)));
    }

    @Test
    void ourAeClientIsToldItsSourceId() throws IOException {
        String reply = PskClientConnection.exchangeLine("127.0.0.1", server.port(), REL + "@" + MAF_FQDN, KC, "hello", Duration.ofSeconds(10));

        assertThat(reply).isEqualTo("authenticated source: " + SOURCE + "; you said: hello");
    }

    @Test
    void identitiesAreAcceptedInEitherCaseAndTheMafFqdnCaseInsensitively() throws IOException {
        String reply = PskClientConnection.exchangeLine("127.0.0.1", server.port(), REL.toLowerCase() + "@MAF.Test.Example", KC, "hi",
                Duration.ofSeconds(10));

        assertThat(reply).contains("authenticated source: " + SOURCE);
    }

    @Test
    void ourAeClientWithTheWrongKeyFailsTheHandshake() {
        byte[] wrong = KC.clone();
        wrong[0] ^= 1;

        assertThatThrownBy(() -> PskClientConnection.exchangeLine("127.0.0.1", server.port(), REL + "@" + MAF_FQDN, wrong, "hello",
                Duration.ofSeconds(10))).isInstanceOf(IOException.class);
    }

    @Test
    void keysRegisteredForAnotherSecurityUsageAreRefused() {
        assertThatThrownBy(() -> PskClientConnection.exchangeLine("127.0.0.1", server.port(), ESPRIM_REL + "@" + MAF_FQDN, KC, "hello",
                Duration.ofSeconds(10))).isInstanceOf(IOException.class);
    }

    @Test
    void openSslInteroperatesWithTheMandatorySuite() throws Exception {
        String output = OpenSslPskClient.exchange(server.port(), hex(KC), REL + "@" + MAF_FQDN, SUITE, "hello from openssl");

        assertThat(output).contains("authenticated source: " + SOURCE + "; you said: hello from openssl");
        assertThat(output).contains("Cipher is PSK-AES128-CBC-SHA256");
    }

    @Test
    void openSslWithTheWrongKeyGetsNoReply() throws Exception {
        byte[] wrong = KC.clone();
        wrong[31] ^= 1;

        String output = OpenSslPskClient.exchange(server.port(), hex(wrong), REL + "@" + MAF_FQDN, SUITE, "hello");

        refused(output);
    }

    @Test
    void openSslWithAnExpiredKeyGetsNoReply() throws Exception {
        assertThat(OpenSslPskClient.exchange(server.port(), hex(KC), REL + "@" + MAF_FQDN, SUITE, "before")).contains("authenticated source");

        clock.advance(Duration.ofHours(1));
        String output = OpenSslPskClient.exchange(server.port(), hex(KC), REL + "@" + MAF_FQDN, SUITE, "after");

        refused(output);
    }

    @Test
    void openSslWithAnUnknownIdentityGetsNoReply() throws Exception {
        String output = OpenSslPskClient.exchange(server.port(), hex(KC), "00000000000000000000000000000000@" + MAF_FQDN, SUITE, "hello");

        refused(output);
    }

    @Test
    void keysOfAnotherMafAreRefusedWithoutAskingOurs() throws Exception {
        String output = OpenSslPskClient.exchange(server.port(), hex(KC), REL + "@maf.elsewhere.example", SUITE, "hello");

        refused(output);
        assertThat(maf.retrievals).hasValue(0);
    }

    @Test
    void noOtherSuiteIsNegotiated() throws Exception {
        String output = OpenSslPskClient.exchange(server.port(), hex(KC), REL + "@" + MAF_FQDN, "PSK-AES256-CBC-SHA384", "hello");

        refused(output);
    }

    private static void refused(String output) {
        assertThat(output).doesNotContain("authenticated source");
        assertThat(output).containsIgnoringCase("alert");
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
