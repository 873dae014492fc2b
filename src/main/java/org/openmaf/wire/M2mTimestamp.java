package org.openmaf.wire;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * {@code m2m:timestamp} (TS-0004 6.3.3, contract section 4): output is ISO 8601 basic format in UTC, whole seconds,
 * e.g. {@code 20261122T183000}. Input also accepts the basic format with a fraction or an offset
 * ({@code 20261122T193000+0100}), and the extended format with an offset ({@code 2026-11-22T18:30:00Z},
 * {@code 2026-11-22T19:30:00+01:00}); surrounding whitespace is ignored. An extended form without an offset is refused:
 * its time zone would be a guess.
 */
public final class M2mTimestamp {

    public static final String EXAMPLE = "20261122T183000";

    private static final DateTimeFormatter BASIC_OUT = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter BASIC_IN = new DateTimeFormatterBuilder()
            .appendPattern("uuuuMMdd'T'HHmmss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private M2mTimestamp() {
    }

    public static String format(Instant instant) {
        return BASIC_OUT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The instant, or empty when the text is no m2m:timestamp. */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip();
        try {
            var parsed = BASIC_IN.parseBest(value, OffsetDateTime::from, LocalDateTime::from);
            return Optional.of(parsed instanceof OffsetDateTime offset
                    ? offset.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notBasic) {
            try {
                return Optional.of(OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
            } catch (DateTimeParseException notExtended) {
                return Optional.empty();
            }
        }
    }

    /** As {@link #parse}, for callers that treat a bad timestamp as a bad argument (the CLI, the client's response reader). */
    public static Instant parseOrThrow(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not " + describeExpected() + ": " + text));
    }

    public static String describeExpected() {
        return "an m2m:timestamp in ISO 8601 basic format, UTC (e.g. " + EXAMPLE
                + "), or extended format with an offset (e.g. 2026-11-22T18:30:00Z)";
    }
}
