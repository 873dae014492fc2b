package org.openmaf.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/** The test server's log file (target/maf-test.log), in the console format: {@code [ri=... client=...]} on every line. */
public final class RequestLogs {

    public static final Path FILE = Path.of("target", "maf-test.log");
    /** The abbreviated category of access log lines ({@code io.quarkus.http.access-log}, as {@code %c{3.}} writes it). */
    public static final String ACCESS_LOG = "[io.qua.htt.access-log]";

    private RequestLogs() {
    }

    /**
     * The lines that name {@code text}, waited for up to 5 s: the access log line is written when the response ends,
     * which may be just after the client has read it.
     */
    public static List<String> linesNaming(String text) throws IOException, InterruptedException {
        return linesNamingUntil(text, lines -> !lines.isEmpty());
    }

    /**
     * As {@link #linesNaming}, but waited for until the access log line is among them: a request's other lines (the
     * procedure's own) are written before its response ends, the access log line after, so the first of them to be in
     * the file says nothing about that one.
     */
    public static List<String> linesNamingWithAccessLog(String text) throws IOException, InterruptedException {
        return linesNamingUntil(text, lines -> lines.stream().anyMatch(line -> line.contains(ACCESS_LOG)));
    }

    private static List<String> linesNamingUntil(String text, Predicate<List<String>> complete)
            throws IOException, InterruptedException {
        List<String> lines = List.of();
        for (int i = 0; i < 50 && !complete.test(lines); i++) {
            if (i > 0) {
                Thread.sleep(100);
            }
            lines = Files.readAllLines(FILE).stream().filter(line -> line.contains(text)).toList();
        }
        return lines;
    }
}
