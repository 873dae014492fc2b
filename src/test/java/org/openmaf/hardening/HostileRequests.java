package org.openmaf.hardening;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openmaf.testing.Maf;
import org.openmaf.testing.MafTestEnvironment;
import org.openmaf.testing.TestPki.Client;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Tuple;
import net.jqwik.api.sessions.JqwikSession;

/**
 * jqwik generators of hostile requests to every /maf and /admin operation: random and mutated JSON (wrong types, deep
 * nesting, huge numbers, unicode, NUL, duplicate members, cut-off and non-UTF-8 bodies), mutated paths and
 * percent-encodings, headers, methods and media types, from authorized, unauthorized and unauthenticated peers.
 * <p>
 * The requests stay well-formed HTTP/1.1 (a framing error would only test the HTTP codec, and would desynchronize the
 * kept-alive connection); everything inside the framing is fair game.
 */
final class HostileRequests {

    /** Who sends: the TLS identity of the connection, and for /admin the bearer token. */
    enum Peer {
        /** Authorized for the stakeholder and registered. */
        MN_CSE(Client.MN_CSE),
        /** Authorized for the stakeholder; registered only if a generated request happened to register it. */
        AE(Client.AE),
        /** A trusted certificate whose SP no stakeholder authorizes. */
        INTRUDER(Client.INTRUDER),
        /** A trusted certificate without a usable client ID. */
        NO_ID(Client.NO_ID),
        /** No client certificate at all. */
        NONE(null);

        final Client client;

        Peer(Client client) {
            this.client = client;
        }
    }

    enum Token {
        ADMIN, AUDITOR, OTHER_ROLE, EXPIRED, FOREIGN_KEY, GARBAGE, NONE
    }

    record Operation(String method, String template, String bodyKind) {
        boolean admin() {
            return template.startsWith("/admin");
        }
    }

    /** A request as it goes on the wire; {@code body} null for none. */
    record HostileRequest(Peer peer, Token token, String method, String target, List<String> headers, byte[] body,
            Operation operation) {

        boolean maf() {
            return target.startsWith("/maf") || target.startsWith("https://localhost/maf");
        }

        @Override
        public String toString() {
            String shownBody = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            String shownTarget = target.length() > 300 ? target.substring(0, 300) + "...(" + target.length() + ")" : target;
            return peer + "/" + token + " " + method + " " + shownTarget + " " + headers.stream()
                    .map(h -> h.length() > 120 ? h.substring(0, 120) + "..." : h).toList() + " " + shownBody;
        }
    }

    static final List<Operation> OPERATIONS = List.of(
            new Operation("POST", "/maf/mafClientRegs", "clientReg"),
            new Operation("GET", "/maf/mafClientRegs/{regId}", null),
            new Operation("GET", "/maf/mafClientRegs/{regId}/mafClientCfg", null),
            new Operation("PUT", "/maf/mafClientRegs/{regId}", "clientRegUpdate"),
            new Operation("DELETE", "/maf/mafClientRegs/{regId}", null),
            new Operation("POST", "/maf/symmKeyRegs", "keyReg"),
            new Operation("GET", "/maf/symmKeyRegs/{keyRef}", null),
            new Operation("PUT", "/maf/symmKeyRegs/{keyRef}", "keyRegUpdate"),
            new Operation("DELETE", "/maf/symmKeyRegs/{keyRef}", null),
            new Operation("GET", "/maf{anything}", null),
            new Operation("GET", "/admin/stakeholders", null),
            new Operation("GET", "/admin/stakeholders/{fqdn}", null),
            new Operation("POST", "/admin/stakeholders", "stakeholder"),
            new Operation("PUT", "/admin/stakeholders/{fqdn}", "stakeholderUpdate"),
            new Operation("DELETE", "/admin/stakeholders/{fqdn}", null),
            new Operation("GET", "/admin/certificate-bindings?clientId={clientId}&page={number}&size={number}", null),
            new Operation("GET", "/admin/certificate-bindings/{fingerprint}", null),
            new Operation("POST", "/admin/certificate-bindings", "binding"),
            new Operation("DELETE", "/admin/certificate-bindings/{fingerprint}", null),
            new Operation("GET", "/admin/client-configurations?clientId={clientId}&adminFqdn={fqdn}", null),
            new Operation("PUT", "/admin/client-configurations", "clientConfiguration"),
            new Operation("DELETE", "/admin/client-configurations?clientId={clientId}&adminFqdn={fqdn}", null),
            new Operation("GET", "/admin/client-registrations?clientId={clientId}&adminFqdn={fqdn}&page={number}", null),
            new Operation("GET", "/admin/client-registrations/{regId}", null),
            new Operation("DELETE", "/admin/client-registrations/{regId}", null),
            new Operation("GET", "/admin/key-registrations?sourceId={clientId}&targetId={clientId}&suid={number}&size={number}", null),
            new Operation("GET", "/admin/key-registrations/{keyRef}", null),
            new Operation("DELETE", "/admin/key-registrations/{keyRef}", null),
            new Operation("DELETE", "/admin/key-registrations?sourceId={clientId}&adminFqdn={fqdn}", null),
            new Operation("GET", "/admin/audit-records?actor={clientId}&procedure={anything}&from={timestamp}&to={timestamp}"
                    + "&result={anything}&page={number}&size={number}", null),
            new Operation("GET", "/admin{anything}", null));

    /**
     * Client IDs a generated request may name. The clients whose keys the test protects (the IN-CSE and the other CSE)
     * are left out, so that no generated request is a legitimate revocation of them.
     */
    private final List<String> clientIds = List.of(Client.MN_CSE.clientId, Client.AE.clientId, Client.INTRUDER.clientId,
            "//" + Maf.ADMIN + "/fuzz", "//other.example.org/x");
    private final List<String> registrationIds;

    HostileRequests(List<String> knownRegistrationIds) {
        this.registrationIds = List.copyOf(knownRegistrationIds);
    }

    /**
     * {@code count} requests from {@code seed}. jqwik generates only inside a property or a {@link JqwikSession}, and
     * only on the thread that runs it, so all requests are generated here, up front, and sent by other threads.
     */
    List<HostileRequest> generate(long seed, int count) {
        List<HostileRequest> requests = new ArrayList<>(count);
        JqwikSession.start();
        try {
            // One generator per operation, built once: choosing the operation by flatMap would rebuild them each time.
            List<RandomGenerator<HostileRequest>> generators = OPERATIONS.stream()
                    .map(operation -> request(operation).generator(1000)).toList();
            Random random = new Random(seed);
            for (int i = 0; i < count; i++) {
                requests.add(generators.get(random.nextInt(generators.size())).next(random).value());
            }
        } finally {
            JqwikSession.finish();
        }
        return requests;
    }

    private Arbitrary<HostileRequest> request(Operation operation) {
        return Combinators.combine(peer(), token(), method(operation), target(operation), headers(operation), body(operation))
                .as((peer, token, method, target, headers, body) -> new HostileRequest(peer, token, method, target,
                        headers, body, operation));
    }

    private Arbitrary<Peer> peer() {
        return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(Peer.MN_CSE)), Tuple.of(2, Arbitraries.just(Peer.AE)),
                Tuple.of(1, Arbitraries.just(Peer.INTRUDER)), Tuple.of(1, Arbitraries.just(Peer.NO_ID)),
                Tuple.of(2, Arbitraries.just(Peer.NONE)));
    }

    private Arbitrary<Token> token() {
        return Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just(Token.ADMIN)), Tuple.of(1, Arbitraries.just(Token.AUDITOR)),
                Tuple.of(1, Arbitraries.just(Token.OTHER_ROLE)), Tuple.of(1, Arbitraries.just(Token.EXPIRED)),
                Tuple.of(1, Arbitraries.just(Token.FOREIGN_KEY)), Tuple.of(1, Arbitraries.just(Token.GARBAGE)),
                Tuple.of(1, Arbitraries.just(Token.NONE)));
    }

    private Arbitrary<String> method(Operation operation) {
        return Arbitraries.frequencyOf(Tuple.of(20, Arbitraries.just(operation.method())),
                Tuple.of(3, Arbitraries.of("GET", "POST", "PUT", "DELETE")),
                Tuple.of(2, Arbitraries.of("PATCH", "HEAD", "OPTIONS", "TRACE", "FOO", "get", "M-SEARCH", "PROPFIND")));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Paths and query strings
    // ---------------------------------------------------------------------------------------------------------------

    private static final List<String> PLACEHOLDERS = List.of("{regId}", "{keyRef}", "{fqdn}", "{fingerprint}",
            "{clientId}", "{number}", "{timestamp}", "{anything}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-zA-Z]+}");

    /** The operation's path with each placeholder filled, then now and then mangled as a whole. */
    private Arbitrary<String> target(Operation operation) {
        String template = operation.template();
        List<String> placeholders = PLACEHOLDER.matcher(template).results().map(MatchResult::group).toList();
        List<Arbitrary<String>> values = placeholders.stream().map(p -> segment(pool(p))).toList();
        Arbitrary<String> path = values.isEmpty() ? Arbitraries.just(template)
                : Combinators.combine(values).as(filled -> {
                    StringBuilder out = new StringBuilder();
                    Matcher matcher = PLACEHOLDER.matcher(template);
                    int i = 0;
                    while (matcher.find()) {
                        matcher.appendReplacement(out, Matcher.quoteReplacement(filled.get(i++)));
                    }
                    return matcher.appendTail(out).toString();
                });
        Arbitrary<Integer> mangling = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just(0)),
                Tuple.of(1, Arbitraries.integers().between(1, 12)), Tuple.of(1, Arbitraries.integers().between(13, 15)));
        return Combinators.combine(path, mangling).as(HostileRequests::mangled);
    }

    private static final List<String> SUFFIXES = List.of("/", "//", "/.", "/..", "/%2e%2e", "/;x=1", "#frag", "?", "?&&=&",
            "?a=%", "?a=%00", "?a=%ZZ");

    private static String mangled(String path, int how) {
        if (how == 0) {
            return path;
        }
        if (how <= SUFFIXES.size()) {
            return path + SUFFIXES.get(how - 1);
        }
        return switch (how - SUFFIXES.size()) {
            case 1 -> path.replaceFirst("^/", "//");
            case 2 -> path.toUpperCase(java.util.Locale.ROOT);
            default -> "https://localhost" + path;
        };
    }

    /** Plausible values for a placeholder: the ones that reach deep into the procedures. */
    private Arbitrary<String> pool(String placeholder) {
        Arbitrary<String> hex32 = Arbitraries.strings().withChars("0123456789ABCDEFabcdef").ofLength(32);
        return switch (placeholder) {
            case "{regId}" -> Arbitraries.oneOf(Arbitraries.of(registrationIds),
                    Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_").ofLength(22));
            case "{keyRef}" -> Arbitraries.oneOf(hex32, hex32.map(h -> h + "@" + MafTestEnvironment.MAF_FQDN),
                    hex32.map(h -> h + "@elsewhere.example"), hex32.map(h -> h + "@"));
            case "{fqdn}" -> Arbitraries.of(Maf.ADMIN, "fuzz.example.org", "a", "-bad-.example", "x".repeat(300));
            case "{fingerprint}" -> Arbitraries.oneOf(
                    Arbitraries.strings().withChars("0123456789abcdef").ofLength(64),
                    Arbitraries.strings().withChars("0123456789ABCDEF:").ofMinLength(60).ofMaxLength(100));
            case "{clientId}" -> Arbitraries.of(clientIds);
            case "{number}" -> Arbitraries.of("0", "1", "-1", "500", "501", "99999999999999999999", "1e3", "0x10", "");
            case "{timestamp}" -> Arbitraries.of("20261122T183000", "2026-11-22T18:30:00Z", "99991231T235959",
                    "00000101T000000", "2026-13-45T99:99:99Z", "now");
            default -> Arbitraries.of("", "/", "/x", "/mafClientRegs/a/b/c", "/symmKeyRegs/", "/stakeholders/a/b");
        };
    }

    /** A path segment or parameter value: mostly plausible, otherwise hostile, always percent-encoded where it must be. */
    private Arbitrary<String> segment(Arbitrary<String> plausible) {
        return Arbitraries.frequencyOf(
                Tuple.of(6, plausible.map(HostileRequests::encodeKeepingSlashes)),
                Tuple.of(3, anyText(40).map(HostileRequests::percentEncode)),
                Tuple.of(1, Arbitraries.integers().between(256, 3000).map(n -> "K".repeat(n))),
                Tuple.of(2, Arbitraries.of("%", "%Z", "%ZZ", "%0", "%00", "a%00b", "%C0%80", "%FF%FE", "%E2%80%AE", "%2F",
                        "%2e%2e", "..", ".", "%20", "+", "%u0000", "%25", "%7F", "%0D%0A", "%F0%9F%92%A9", "%ED%A0%80")),
                Tuple.of(2, Arbitraries.strings().withChars("abcXYZ019-._~!$&'()*+,;=:@\"<>{}|\\^`[]%").ofMaxLength(30)));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Headers
    // ---------------------------------------------------------------------------------------------------------------

    private Arbitrary<List<String>> headers(Operation operation) {
        Arbitrary<String> host = Arbitraries.frequencyOf(Tuple.of(30, Arbitraries.just("Host: localhost")),
                Tuple.of(1, Arbitraries.just("")), Tuple.of(1, Arbitraries.of("Host: ", "Host: evil.example:1")));
        Arbitrary<String> contentType = optional(6, Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just("application/json")),
                Tuple.of(3, Arbitraries.of("application/vnd.onem2m-res+json", "application/vnd.onem2m-res+json; ty=16",
                        "application/vnd.onem2m-res+json;ty=abc")),
                Tuple.of(3, Arbitraries.of("text/plain", "application/xml", "application/json; charset=utf-16",
                        "application/json; charset=latin1", "*/*", "garbage", "application/json;;;", "multipart/form-data",
                        "application/x-www-form-urlencoded", "application/vnd.onem2m-res+xml", "", "application/json,text/plain"))))
                .map(value -> value.isEmpty() ? "" : "Content-Type: " + value);
        Arbitrary<String> accept = optional(3, Arbitraries.of("*/*", "application/json", "application/xml", "text/html",
                "application/vnd.onem2m-res+json", "image/png", ";;")).map(value -> value.isEmpty() ? "" : "Accept: " + value);
        Arbitrary<String> origin = optional(3, Arbitraries.oneOf(Arbitraries.of(Client.MN_CSE.clientId, Client.AE.clientId,
                "//elsewhere.example/x"), headerText(100))).map(value -> value.isEmpty() ? "" : "X-M2M-Origin: " + value);
        Arbitrary<String> requestId = optional(3, headerText(300)).map(value -> value.isEmpty() ? "" : "X-M2M-RI: " + value);
        Arbitrary<String> releaseVersion = optional(2, Arbitraries.oneOf(Arbitraries.of("4", "5", "2a"), headerText(40)))
                .map(value -> value.isEmpty() ? "" : "X-M2M-RVI: " + value);
        Arbitrary<List<String>> extra = Combinators.combine(
                Arbitraries.strings().withChars("abcdefXYZ-_!#$%&'*+.^`|~0123456789").ofMinLength(1).ofMaxLength(20),
                headerText(200)).as((name, value) -> name + ": " + value).list().ofMaxSize(3);
        Arbitrary<String> padding = Arbitraries.frequencyOf(Tuple.of(60, Arbitraries.just("")),
                Tuple.of(1, Arbitraries.integers().between(1, 24_000).map(n -> "X-Padding: " + "p".repeat(n))));
        return Combinators.combine(host, contentType, accept, origin, requestId, releaseVersion, extra, padding)
                .as((h, ct, a, o, ri, rvi, more, pad) -> {
                    List<String> headers = new ArrayList<>();
                    for (String header : List.of(h, ct, a, o, ri, rvi, pad)) {
                        if (!header.isEmpty()) {
                            headers.add(header);
                        }
                    }
                    headers.addAll(more);
                    return headers;
                });
    }

    /** What a header value may carry in well-formed HTTP: visible ASCII, spaces inside, and obs-text (bytes >= 0x80). */
    private static Arbitrary<String> headerText(int maxLength) {
        return Arbitraries.strings().withCharRange('!', '~').withChars(' ').withCharRange('\u0080', '\u00ff')
                .ofMinLength(1).ofMaxLength(maxLength).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static Arbitrary<String> optional(int weightPresent, Arbitrary<String> value) {
        return Arbitraries.frequencyOf(Tuple.of(weightPresent, value), Tuple.of(1, Arbitraries.just("")));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Bodies
    // ---------------------------------------------------------------------------------------------------------------

    private Arbitrary<byte[]> body(Operation operation) {
        String base = baseBody(operation.bodyKind());
        Arbitrary<String> text = base == null
                ? Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("")), Tuple.of(1, jsonValue()))
                : Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.just(base)),
                        Tuple.of(6, mutatedAttribute(operation.bodyKind())),
                        Tuple.of(2, Arbitraries.of(dropOneAttribute(base))),
                        Tuple.of(2, duplicateMember(base)),
                        Tuple.of(1, Arbitraries.integers().between(0, base.length()).map(cut -> base.substring(0, cut))),
                        Tuple.of(1, Arbitraries.integers().between(1, 5_000).map(HostileRequests::deepNesting)),
                        Tuple.of(1, Arbitraries.integers().between(1, 2_000).map(depth -> wrapInRoot(base, depth))),
                        Tuple.of(2, jsonValue()),
                        Tuple.of(1, Arbitraries.of(base.replace("\"m2m:", "\"m2m:x"), base.replace("{\"", "{\"unknown\":1,\""),
                                "", "null", "[]", "{}", "{\"m2m:mafClientReg\":null}", "\u0000", base + base,
                                base.replace("\"", "'"))));
        Arbitrary<byte[]> bytes = text.map(t -> t.isEmpty() && base == null ? null : t.getBytes(StandardCharsets.UTF_8));
        return Arbitraries.frequencyOf(
                Tuple.of(40, bytes),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(300)),
                Tuple.of(1, Arbitraries.of(new byte[] { '{', '"', (byte) 0xC0, (byte) 0x80, '"', ':', '1', '}' },
                        new byte[] { (byte) 0xFF, (byte) 0xFE, '{', 0, '}', 0 }, invalidUtf8In(base))),
                Tuple.of(1, Arbitraries.integers().between(60 * 1024, 70 * 1024).map(n -> ("{\"m2m:mafClientReg\":{\"labels\":[\""
                        + "L".repeat(n) + "\"]}}").getBytes(StandardCharsets.UTF_8))));
    }

    private String baseBody(String kind) {
        if (kind == null) {
            return null;
        }
        String target = "\"//" + Maf.ADMIN + "/fuzz-target\"";
        return switch (kind) {
            case "clientReg" -> Maf.clientReg("\"adminFQDN\":\"" + Maf.ADMIN + "\",\"mafFQDN\":\"" + MafTestEnvironment.MAF_FQDN
                    + "\",\"expirationTime\":\"20991231T000000\",\"labels\":[\"fuzz\"]");
            case "clientRegUpdate" -> Maf.clientReg("\"expirationTime\":\"20991231T000000\",\"labels\":[\"fuzz\"]");
            case "keyReg" -> Maf.keyReg("\"adminFQDN\":\"" + Maf.ADMIN + "\",\"suid\":34,\"targetIDs\":[" + target
                    + "],\"expirationTime\":\"20991231T000000\",\"labels\":[\"fuzz\"],\"keyValue\":\"AAECAwQFBgcICQoLDA0ODw==\"");
            case "keyRegUpdate" -> Maf.keyReg("\"expirationTime\":\"20991231T000000\",\"labels\":[\"fuzz\"],\"targetIDs\":["
                    + target + "]");
            case "stakeholder" -> "{\"adminFqdn\":\"fuzz.example.org\",\"authorizedClients\":[\"//fuzz.example.org/*\"],"
                    + "\"maxRegistrationLifetime\":\"P30D\",\"maxKeyLifetime\":\"P1D\"}";
            case "stakeholderUpdate" -> "{\"authorizedClients\":[\"//fuzz.example.org/*\"],\"maxRegistrationLifetime\":\"P30D\","
                    + "\"maxKeyLifetime\":\"P1D\"}";
            case "binding" -> "{\"fingerprintSha256\":\"" + "ab".repeat(32) + "\",\"clientId\":\"//" + Maf.ADMIN + "/fuzz\"}";
            case "clientConfiguration" -> "{\"clientId\":\"//" + Maf.ADMIN + "/fuzz\",\"adminFqdn\":\"" + Maf.ADMIN
                    + "\",\"httpPort\":8443,\"expirationTime\":\"20991231T000000\",\"labels\":[\"fuzz\"],\"keyReg\":{\"suid\":32,"
                    + "\"targetIds\":[" + target + "],\"expirationTime\":\"20991231T000000\",\"labels\":[\"k\"]}}";
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** Attribute names per body kind, and the base body with one of them given a generated value instead. */
    private Arbitrary<String> mutatedAttribute(String kind) {
        List<String> attributes = switch (kind) {
            case "clientReg", "clientRegUpdate" -> List.of("adminFQDN", "mafFQDN", "expirationTime", "labels", "mafClientID",
                    "mafClientRegID", "creationTime");
            case "keyReg", "keyRegUpdate" -> List.of("adminFQDN", "suid", "targetIDs", "expirationTime", "labels", "keyValue",
                    "mafFQDN", "relativeKeyID", "sourceID");
            case "stakeholder", "stakeholderUpdate" -> List.of("adminFqdn", "authorizedClients", "maxRegistrationLifetime",
                    "maxKeyLifetime", "managedBy");
            case "binding" -> List.of("fingerprintSha256", "clientId", "createdBy");
            default -> List.of("clientId", "adminFqdn", "httpPort", "expirationTime", "labels", "keyReg", "updatedAt");
        };
        String base = baseBody(kind);
        return Combinators.combine(Arbitraries.of(attributes), jsonValue())
                .as((attribute, value) -> withAttribute(base, attribute, value));
    }

    /** The base body with {@code attribute} set to {@code value} (added at the front of the innermost object if absent). */
    static String withAttribute(String base, String attribute, String value) {
        String key = "\"" + attribute + "\":";
        int at = base.indexOf(key);
        if (at < 0) {
            int inner = base.startsWith("{\"m2m:") ? base.indexOf('{', 1) + 1 : 1;
            return base.substring(0, inner) + key + value + "," + base.substring(inner);
        }
        int start = at + key.length();
        int end = endOfValue(base, start);
        return base.substring(0, start) + value + base.substring(end);
    }

    private static List<String> dropOneAttribute(String base) {
        List<String> variants = new ArrayList<>();
        int searchFrom = 0;
        while (true) {
            int key = base.indexOf(",\"", searchFrom);
            if (key < 0) {
                break;
            }
            int colon = base.indexOf("\":", key + 2);
            if (colon < 0) {
                break;
            }
            int end = endOfValue(base, colon + 2);
            variants.add(base.substring(0, key) + base.substring(end));
            searchFrom = key + 1;
        }
        return variants.isEmpty() ? List.of(base) : variants;
    }

    private static Arbitrary<String> duplicateMember(String base) {
        return Arbitraries.of(dropOneAttribute(base)).map(ignored -> {
            int comma = base.indexOf(",\"");
            if (comma < 0) {
                return base;
            }
            int colon = base.indexOf("\":", comma + 2);
            int end = endOfValue(base, colon + 2);
            String member = base.substring(comma, end);
            return base.substring(0, end) + member + base.substring(end);
        });
    }

    /** The index just past the JSON value starting at {@code start} (strings, arrays, objects, scalars). */
    private static int endOfValue(String text, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                    if (depth == 0) {
                        return i + 1;
                    }
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            } else if (c == ',' && depth == 0) {
                return i;
            }
        }
        return text.length();
    }

    private static String deepNesting(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static String wrapInRoot(String base, int depth) {
        int inner = base.indexOf("\":") + 2;
        return base.substring(0, inner) + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + base.substring(endOfValue(base, inner));
    }

    private static byte[] invalidUtf8In(String base) {
        byte[] text = (base == null ? "{\"labels\":[\"xx\"]}" : base).getBytes(StandardCharsets.UTF_8);
        int quote = new String(text, StandardCharsets.ISO_8859_1).lastIndexOf('"');
        if (quote > 0) {
            text[quote - 1] = (byte) 0xFF;
        }
        return text;
    }

    /** Any JSON value, often of the wrong type for where it lands: huge numbers, unicode, NUL, nesting. */
    static Arbitrary<String> jsonValue() {
        Arbitrary<String> scalar = Arbitraries.frequencyOf(
                Tuple.of(4, anyText(60).map(HostileRequests::jsonString)),
                Tuple.of(1, Arbitraries.of("\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"\u0001\"",
                        "\"\\\\\"", "\"\"", "\"  \"", "\"\\n\"", "\"" + "s".repeat(70_000 / 100) + "\"")),
                Tuple.of(2, Arbitraries.integers().map(String::valueOf)),
                Tuple.of(1, Arbitraries.of("32", "33", "34", "35", "0", "-1", "2147483648", "-2147483649",
                        "99999999999999999999999999999999", "1" + "0".repeat(1_200), "1e400", "-1e-400", "3.5", "-0", "0.0",
                        "1E2", "NaN", "Infinity", "01", "+1", ".5", "0x20")),
                Tuple.of(1, Arbitraries.of("true", "false", "null")),
                Tuple.of(1, Arbitraries.of("\"20261122T183000\"", "\"2026-11-22T18:30:00Z\"", "\"99999999T999999\"",
                        "\"P7D\"", "\"PT-1S\"", "\"P999999999D\"", "\"//my.m2mprovider.org/*\"", "\"//\"", "\"*\"")));
        return Arbitraries.recursive(() -> scalar, HostileRequests::container, 0, 3);
    }

    private static Arbitrary<String> container(Arbitrary<String> element) {
        return Arbitraries.oneOf(
                element.list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]"),
                Combinators.combine(Arbitraries.oneOf(Arbitraries.of("adminFQDN", "suid", "labels", "m2m:symmKeyReg", "a", ""),
                        anyText(10)), element).as((k, v) -> jsonString(k) + ":" + v).list().ofMaxSize(4)
                        .map(members -> "{" + String.join(",", members) + "}"));
    }

    /** Any UTF-16 text, including NUL, other control characters, unpaired surrogates and characters beyond the BMP. */
    private static Arbitrary<String> anyText(int maxLength) {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(maxLength)),
                Tuple.of(2, Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(maxLength)),
                Tuple.of(1, Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(5)),
                Tuple.of(1, Arbitraries.of("\uD83D\uDCA9", "\u202Eevil", "\uFEFF", "\uFFFF", "e\u0301", "\u0000", "\uD800")));
    }

    /** A JSON string literal, escaping what JSON requires (lone surrogates as \\u escapes, so the text stays UTF-8). */
    static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || (Character.isSurrogate(c) && !paired
                    && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1))))) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** Percent-encodes everything but unreserved characters, as UTF-8 (an unpaired surrogate becomes '?'). */
    static String percentEncode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) b));
            }
        }
        return out.toString();
    }

    private static String encodeKeepingSlashes(String text) {
        return percentEncode(text).replace("%2F", "/").replace("%40", "@").replace("%3A", ":").replace("%2A", "*");
    }
}
