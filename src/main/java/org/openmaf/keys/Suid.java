package org.openmaf.keys;

import java.util.List;

import org.openmaf.onem2m.MafException;

/**
 * The Security Usage Identifiers of MAF-distributed keys (TS-0004 6.3.4.2.39) and how many targets each allows
 * (TS-0003 8.8.2.7: exactly one for SAEF and ESPrim, one or more for ESData).
 */
public final class Suid {

    public static final int SAEF = 32;
    public static final int ESPRIM = 33;
    public static final int ESDATA_ENCRYPTION = 34;
    public static final int ESDATA_SIGNATURE = 35;
    public static final int MAX_TARGETS = 64;

    private Suid() {
    }

    public static int accepted(Integer suid, String resource) {
        if (suid == null || suid < SAEF || suid > ESDATA_SIGNATURE) {
            throw MafException.badRequest(resource + ": suid must be one of 32 (SAEF), 33 (ESPrim), 34 (ESData"
                    + " encryption) or 35 (ESData signature), the SUIDs of MAF-distributed keys.");
        }
        return suid;
    }

    public static void checkTargets(int suid, List<String> targetIds, String resource) {
        boolean single = suid == SAEF || suid == ESPRIM;
        if (targetIds.isEmpty() || (single && targetIds.size() != 1)) {
            throw MafException.badRequest(resource + ": suid " + suid + " needs " + (single ? "exactly one" : "at least one")
                    + " target in targetIDs, not " + targetIds.size() + ".");
        }
        if (targetIds.size() > MAX_TARGETS) {
            throw MafException.badRequest(resource + ": at most " + MAX_TARGETS + " targetIDs are accepted.");
        }
    }
}
