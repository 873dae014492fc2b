package org.openmaf.client;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** {@code m2m:timestamp} (TS-0004): ISO 8601 basic format in UTC, {@code 20261122T183000}. */
public final class M2mTimestamp {

    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private M2mTimestamp() {
    }

    public static String format(Instant instant) {
        return BASIC.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** Parses the basic UTC form the MAF sends; also the extended form with an offset, which the contract allows as input. */
    public static Instant parse(String text) {
        try {
            return LocalDateTime.parse(text, BASIC).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException basicFailed) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not an m2m:timestamp (expected e.g. 20261122T183000): " + text, e);
            }
        }
    }
}
