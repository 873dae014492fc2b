package org.openmaf.registration;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.openmaf.wire.ClientId;

/**
 * An authorized-client pattern of a stakeholder (contract section 5): a client ID, or the start of one ending in '*'.
 * Both follow the one client ID rule ({@link ClientId}) in its canonical form (contract section 7), so a pattern matches
 * exactly the canonical IDs that certificates, bindings and targetIDs yield: the SP-ID is lowercased, and a prefix must
 * name a whole SP-ID followed by '/' ({@code //sp.example/*}, {@code //sp.example/mn-*}), never part of one
 * ({@code //sp.exa*} would also match {@code //sp.example.evil.org/x}). {@code //my_sp/*} is refused like {@code //my_sp/x}.
 */
public final class ClientPattern {

    private static final String WILDCARD = "*";
    /**
     * Every authorization check (two per key retrieval: the caller and the key's source) matches the stakeholder's
     * stored patterns, read afresh with the chain, so each pattern would be validated and canonicalized again and again
     * (four regular-expression matches and a few strings each, issue 12). The canonical form is a function of the
     * pattern alone, so it is remembered. Patterns are what operators configure, a handful per stakeholder; the bound
     * only keeps a database full of them from growing this without limit (beyond it, patterns are simply not remembered).
     */
    private static final int REMEMBERED = 10_000;
    private static final Map<String, Optional<String>> CANONICAL_OF_STORED = new ConcurrentHashMap<>();

    private ClientPattern() {
    }

    /** The canonical form of the pattern, or empty when it is not one. */
    public static Optional<String> canonical(String pattern) {
        if (pattern == null || pattern.length() > ClientId.MAX_LENGTH) {
            return Optional.empty();
        }
        if (!pattern.endsWith(WILDCARD)) {
            return ClientId.isValid(pattern) ? Optional.of(ClientId.canonical(pattern)) : Optional.empty();
        }
        String prefix = pattern.substring(0, pattern.length() - 1);
        // A prefix is valid when some client ID starts with it: completed by one ordinary character it must be an ID.
        String completed = prefix + "x";
        if (!ClientId.isValid(completed)) {
            return Optional.empty();
        }
        String canonical = ClientId.canonical(completed);
        return Optional.of(canonical.substring(0, canonical.length() - 1) + WILDCARD);
    }

    /** Whether the canonical client ID matches the pattern, compared in canonical form whatever way it was stored. */
    static boolean matches(String pattern, String clientId) {
        if (pattern == null) {
            return false;
        }
        Optional<String> known = CANONICAL_OF_STORED.get(pattern);
        if (known == null) {
            known = canonical(pattern);
            if (CANONICAL_OF_STORED.size() < REMEMBERED) {
                CANONICAL_OF_STORED.put(pattern, known);
            }
        }
        return known.map(canonical -> canonical.endsWith(WILDCARD)
                ? clientId.startsWith(canonical.substring(0, canonical.length() - 1))
                : canonical.equals(clientId)).orElse(false);
    }
}
