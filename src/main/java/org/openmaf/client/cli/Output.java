package org.openmaf.client.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.openmaf.wire.M2mTimestamp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Prints results as "name: value" lines for people, or as one JSON object with {@code --json} for scripts. */
final class Output {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintWriter out;
    private final boolean json;
    private final Map<String, Object> fields = new LinkedHashMap<>();

    Output(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    /** Adds a field; null values and empty lists are left out, timestamps use m2m:timestamp. */
    Output field(String name, Object value) {
        if (value instanceof Collection<?> values && values.isEmpty()) {
            return this;
        }
        if (value instanceof Instant instant) {
            fields.put(name, M2mTimestamp.format(instant));
        } else if (value != null) {
            fields.put(name, value);
        }
        return this;
    }

    void print() {
        if (json) {
            try {
                out.println(JSON.writeValueAsString(fields));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            fields.forEach((name, value) -> out.println(name + ": " + human(value)));
        }
        out.flush();
    }

    private static String human(Object value) {
        if (value instanceof Collection<?> values) {
            return String.join(", ", values.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }
}
