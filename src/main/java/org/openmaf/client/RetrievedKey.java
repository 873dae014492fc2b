package org.openmaf.client;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The outcome of a MAF Key Retrieval (TS-0003 table 8.8.2.8-2) for a target client: the key value, who registered it
 * ({@code sourceId}, the CSE-ID or AE-ID to associate the security context with, TS-0003 8.2.2.3), its SUID, targets
 * and lifetime. The key never appears in {@link #toString()}.
 */
public final class RetrievedKey {

    private final byte[] key;
    private final String sourceId;
    private final int suid;
    private final String adminFqdn;
    private final List<String> targetIds;
    private final Instant expirationTime;
    private final List<String> labels;

    public RetrievedKey(byte[] key, String sourceId, int suid, String adminFqdn, List<String> targetIds, Instant expirationTime,
            List<String> labels) {
        this.key = key.clone();
        this.sourceId = sourceId;
        this.suid = suid;
        this.adminFqdn = adminFqdn;
        this.targetIds = targetIds == null ? List.of() : List.copyOf(targetIds);
        this.expirationTime = expirationTime;
        this.labels = labels == null ? List.of() : List.copyOf(labels);
    }

    public byte[] key() {
        return key.clone();
    }

    public String sourceId() {
        return sourceId;
    }

    public int suid() {
        return suid;
    }

    public String adminFqdn() {
        return adminFqdn;
    }

    public List<String> targetIds() {
        return targetIds;
    }

    /** Kc Lifetime (TS-0003 8.2.2.3: "The Kc Lifetime shall be set to the expirationTime"). */
    public Instant expirationTime() {
        return expirationTime;
    }

    public List<String> labels() {
        return labels;
    }

    /**
     * Overwrites the key value with zeros, for a holder that must not keep Kc beyond its lifetime (TS-0003 8.2.2.3): a
     * cache drops its entry at expirationTime and wipes the bytes instead of leaving them to the garbage collector.
     * {@link #key()} then returns zeros, which no TLS-PSK peer will accept.
     */
    public void destroy() {
        Arrays.fill(key, (byte) 0);
    }

    @Override
    public String toString() {
        return "RetrievedKey[sourceId=" + sourceId + ", suid=" + suid + ", adminFqdn=" + adminFqdn + ", targetIds=" + targetIds
                + ", expirationTime=" + expirationTime + ", key=(hidden)]";
    }
}
