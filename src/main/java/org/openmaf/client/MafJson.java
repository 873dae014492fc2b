package org.openmaf.client;

import static org.openmaf.wire.MafNames.*;

import org.openmaf.wire.M2mTimestamp;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON side of the wire contract (MAF-CONTRACT section 3): every body is an object with one member naming the
 * resource. Every resource and attribute name comes from {@link org.openmaf.wire.MafNames}, which the server uses too.
 */
final class MafJson {

    static final String CLIENT_REG = CLIENT_REG_ROOT;
    static final String CLIENT_CFG = CLIENT_CFG_ROOT;
    static final String SYMM_KEY_REG = KEY_REG_ROOT;
    static final String DEBUG = DEBUG_ROOT;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MafJson() {
    }

    /** A request body {@code {"root": {...}}}: fill {@link #attributes()}, send {@link #bytes()}. */
    record Body(ObjectNode envelope, ObjectNode attributes) {

        byte[] bytes() throws IOException {
            return MAPPER.writeValueAsBytes(envelope);
        }
    }

    static Body newBody(String root) {
        ObjectNode envelope = MAPPER.createObjectNode();
        return new Body(envelope, envelope.putObject(root));
    }

    static void putTime(ObjectNode node, String name, Instant time) {
        if (time != null) {
            node.put(name, M2mTimestamp.format(time));
        }
    }

    static void putStrings(ObjectNode node, String name, List<String> values) {
        if (values != null) {
            ArrayNode array = node.putArray(name);
            values.forEach(array::add);
        }
    }

    static void putKeyValue(ObjectNode node, byte[] key) {
        node.put(KEY_VALUE, Base64.getEncoder().encodeToString(key));
    }

    /** The inner object of a response body, which must have exactly the expected root member. */
    static JsonNode root(HttpResponse response, String root) throws MafClientException {
        JsonNode body;
        try {
            body = MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw MafClientException.local("the MAF answered HTTP " + response.status() + " with a body that is not JSON");
        }
        if (body == null || !body.isObject() || body.size() != 1 || !body.path(root).isObject()) {
            throw MafClientException.local("the MAF's response has no " + root + " root object");
        }
        return body.get(root);
    }

    /** The {@code m2m:dbg} message of an error response, or a description of what arrived instead. */
    static String debugMessage(HttpResponse response) {
        try {
            JsonNode body = MAPPER.readTree(response.body());
            if (body != null && body.path(DEBUG).isTextual()) {
                return body.get(DEBUG).asText();
            }
        } catch (IOException notJson) {
            // fall through: report that the body was not the contract's error form
        }
        return "(no m2m:dbg message in the response)";
    }

    static MafClientRegistration clientRegistration(JsonNode node) throws MafClientException {
        return new MafClientRegistration(text(node, MAF_CLIENT_REG_ID), text(node, MAF_CLIENT_ID), text(node, MAF_FQDN),
                text(node, ADMIN_FQDN), time(node, EXPIRATION_TIME), strings(node, LABELS), time(node, CREATION_TIME),
                time(node, LAST_MODIFIED_TIME));
    }

    static MafClientConfiguration clientConfiguration(JsonNode node) throws MafClientException {
        JsonNode keyCfg = node.get(KEY_REG_CFG);
        MafClientConfiguration.KeyRegistrationConfiguration keyRegistration = keyCfg == null || keyCfg.isNull() ? null
                : new MafClientConfiguration.KeyRegistrationConfiguration(text(keyCfg, ADMIN_FQDN), integer(keyCfg, SUID),
                        strings(keyCfg, TARGET_IDS), time(keyCfg, EXPIRATION_TIME), strings(keyCfg, LABELS));
        return new MafClientConfiguration(text(node, FQDN), text(node, ADMIN_FQDN), integer(node, HTTP_PORT),
                time(node, EXPIRATION_TIME), strings(node, LABELS), keyRegistration);
    }

    static KeyMetadata keyMetadata(JsonNode node) throws MafClientException {
        return new KeyMetadata(text(node, RELATIVE_KEY_ID), text(node, KEY_IDENTIFIER), text(node, SOURCE_ID),
                text(node, ADMIN_FQDN), integer(node, SUID), strings(node, TARGET_IDS), time(node, EXPIRATION_TIME),
                strings(node, LABELS));
    }

    /** A retrieval by a target: the key's metadata and its {@code keyValue}, which must be present. */
    static RetrievedKey retrievedKey(JsonNode node) throws MafClientException {
        String keyValue = text(node, KEY_VALUE);
        if (keyValue == null) {
            throw MafClientException.local("the MAF returned no keyValue: is this client a target of the key?");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(keyValue);
        } catch (IllegalArgumentException e) {
            throw MafClientException.local("the MAF returned a keyValue that is not base64");
        }
        KeyMetadata metadata = keyMetadata(node);
        if (metadata.sourceId() == null || metadata.suid() == null) {
            throw MafClientException.local("the MAF's key retrieval response lacks sourceID or suid");
        }
        try {
            return new RetrievedKey(key, metadata.sourceId(), metadata.suid(), metadata.adminFqdn(), metadata.targetIds(),
                    metadata.expirationTime(), metadata.labels());
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static String text(JsonNode node, String name) throws MafClientException {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw MafClientException.local("the MAF sent " + name + " that is not a string");
        }
        return value.asText();
    }

    private static Integer integer(JsonNode node, String name) throws MafClientException {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw MafClientException.local("the MAF sent " + name + " that is not an integer");
        }
        return value.asInt();
    }

    private static Instant time(JsonNode node, String name) throws MafClientException {
        String text = text(node, name);
        try {
            return text == null ? null : M2mTimestamp.parseOrThrow(text);
        } catch (IllegalArgumentException e) {
            throw MafClientException.local("the MAF sent " + name + " that is not an m2m:timestamp");
        }
    }

    private static List<String> strings(JsonNode node, String name) throws MafClientException {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw MafClientException.local("the MAF sent " + name + " that is not a list");
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw MafClientException.local("the MAF sent " + name + " with an element that is not a string");
            }
            strings.add(element.asText());
        }
        return List.copyOf(strings);
    }
}
