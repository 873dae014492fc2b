package org.openmaf.wire;

import java.io.IOException;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

/** Jackson data binding of {@link Instant} as {@code m2m:timestamp}, through {@link M2mTimestamp} only. */
public final class M2mTimestampJson {

    private M2mTimestampJson() {
    }

    public static SimpleModule module() {
        return new SimpleModule("m2m-timestamp")
                .addSerializer(Instant.class, new Serializer())
                .addDeserializer(Instant.class, new Deserializer());
    }

    static final class Serializer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(M2mTimestamp.format(value));
        }
    }

    static final class Deserializer extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            String text = parser.getText();
            var instant = M2mTimestamp.parse(text);
            if (instant.isEmpty()) {
                throw context.weirdStringException(text, Instant.class, "not an m2m:timestamp");
            }
            return instant.get();
        }
    }
}
