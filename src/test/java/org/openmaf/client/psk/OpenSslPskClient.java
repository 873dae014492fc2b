package org.openmaf.client.psk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code openssl s_client} as an independent TLS-PSK peer (an AE that is not our code). */
final class OpenSslPskClient {

    private OpenSslPskClient() {
    }

    /** Connects with the given PSK (hex) and identity, sends {@code line}, returns everything s_client printed. */
    static String exchange(int port, String pskHex, String identity, String cipher, String line) throws IOException, InterruptedException {
        List<String> command = List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port, "-psk", pskHex, "-psk_identity",
                identity, "-cipher", cipher, "-tls1_2", "-ign_eof");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("openssl s_client did not finish: " + command);
        }
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
