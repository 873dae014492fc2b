package org.openmaf.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start a MAF two of whose listeners are given one port: the HTTPS endpoint (contract section 1), the
 * TLS-PSK listener (section 8) and the management interface (section 9). Vert.x serves two of its servers configured
 * on one port from one socket and hands the connections to each in turn, so with the management interface on the
 * HTTPS port every few device handshakes met plain HTTP, and the MAF started as if nothing were wrong.
 * <p>
 * It runs before every other start-up step (the HTTPS endpoint opens only after them); tests run on ports of their
 * own ({@code quarkus.http.test-ssl-port}, {@code quarkus.management.test-port}), so it checks the others only.
 */
@ApplicationScoped
public class ListenerPorts {

    @ConfigProperty(name = "quarkus.http.ssl-port")
    int httpsPort;

    @ConfigProperty(name = "quarkus.management.enabled", defaultValue = "false")
    boolean managementEnabled;

    @ConfigProperty(name = "quarkus.management.port")
    int managementPort;

    @Inject
    MafConfig config;

    void checkAtStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE - 1) StartupEvent start) {
        if (LaunchMode.current() == LaunchMode.TEST) {
            return;
        }
        List<String> clashes = clashes(listeners());
        if (!clashes.isEmpty()) {
            throw new IllegalStateException("The MAF cannot start: its listeners need a port each, but "
                    + String.join("; ", clashes) + ". Set distinct ports. See README, 'Configuration'.");
        }
    }

    /**
     * The ports the MAF's listeners are configured on, to be opened after the start-up observers: a port the MAF opens
     * for itself before them (the TLS-PSK bridge's loopback server) must be none of these, or the listener configured
     * on it fails to start ("Address already in use").
     */
    public Set<Integer> configured() {
        return listeners().values().stream().filter(port -> port != 0).collect(Collectors.toUnmodifiableSet());
    }

    private Map<String, Integer> listeners() {
        Map<String, Integer> listeners = new LinkedHashMap<>();
        listeners.put("quarkus.http.ssl-port (the HTTPS endpoint)", httpsPort);
        if (config.psk().port() != 0) {
            listeners.put("maf.psk.port (the TLS-PSK listener)", config.psk().port());
        }
        if (managementEnabled) {
            listeners.put("quarkus.management.port (the management interface)", managementPort);
        }
        return listeners;
    }

    /** "a and b are both port N" for each pair of listeners given one port (0, an OS-chosen port, never clashes). */
    static List<String> clashes(Map<String, Integer> listeners) {
        List<String> clashes = new ArrayList<>();
        List<Map.Entry<String, Integer>> entries = List.copyOf(listeners.entrySet());
        for (int i = 0; i < entries.size(); i++) {
            for (int j = i + 1; j < entries.size(); j++) {
                int port = entries.get(i).getValue();
                if (port != 0 && Objects.equals(entries.get(i).getValue(), entries.get(j).getValue())) {
                    clashes.add(entries.get(i).getKey() + " and " + entries.get(j).getKey() + " are both port " + port);
                }
            }
        }
        return clashes;
    }
}
