package org.openmaf.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs {@code openssl s_client} as an independent TLS peer and reads what it printed. */
public final class OpenSsl {

    private static final Pattern KEYING_MATERIAL = Pattern.compile("Keying material: ([0-9A-Fa-f]+)");

    private OpenSsl() {
    }

    public record Result(int exitCode, String output) {

        /** The 48 bytes {@code -keymatexport} printed, as uppercase hex. */
        public String keyingMaterial() {
            Matcher matcher = KEYING_MATERIAL.matcher(output);
            if (!matcher.find()) {
                throw new AssertionError("openssl printed no keying material:\n" + output);
            }
            return matcher.group(1).toUpperCase();
        }

        /** The HTTP response body: what follows the response headers, up to s_client's own "closed" line. */
        public String httpBody() {
            int status = output.lastIndexOf("HTTP/1.1 ");
            int body = status < 0 ? -1 : output.indexOf("\r\n\r\n", status);
            if (body < 0) {
                return "";
            }
            String text = output.substring(body + 4);
            int closed = text.lastIndexOf("closed");
            return (closed < 0 ? text : text.substring(0, closed)).strip();
        }
    }

    /** s_client against the test server, as {@code client} (or none), with extra options, sending {@code input}. */
    public static Result sClient(TestPki.Client client, List<String> options, String input) throws IOException, InterruptedException {
        List<String> credential = client == null ? List.of()
                : List.of("-cert", client.certificate().toString(), "-key", client.key().toString());
        return sClient(MafClients.port(), credential, options, input);
    }

    /** s_client against the MAF on {@code port}, with {@code credential} options (-cert, -key) and more options. */
    public static Result sClient(int port, List<String> credential, List<String> options, String input)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "localhost:" + port,
                "-servername", "localhost", "-CAfile", TestPki.caCertificate().toString(), "-verify_return_error",
                "-ign_eof"));
        command.addAll(credential);
        command.addAll(options);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        // Read while s_client runs: an answer larger than the pipe's buffer (the OpenAPI document is) would otherwise
        // block s_client on its output, and it would never finish.
        FutureTask<byte[]> output = new FutureTask<>(() -> process.getInputStream().readAllBytes());
        Thread.ofVirtual().start(output);
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("openssl s_client did not finish: " + command);
        }
        process.getOutputStream().close();
        return new Result(process.exitValue(), new String(read(output), StandardCharsets.UTF_8));
    }

    private static byte[] read(FutureTask<byte[]> output) throws IOException, InterruptedException {
        try {
            return output.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("reading openssl's output", e);
        }
    }

    /** Runs an openssl command (not s_client) to its end; fails with its output unless it exits 0. */
    public static String run(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("openssl failed: " + command + "\n" + output);
        }
        return output;
    }

    public static String httpRequest(String method, String path, String body) {
        String request = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n";
        if (body == null) {
            return request + "\r\n";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return request + "Content-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n" + body;
    }
}
