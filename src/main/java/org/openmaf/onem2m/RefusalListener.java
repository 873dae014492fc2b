package org.openmaf.onem2m;

/**
 * Told of every request the binding layer refuses that no procedure has recorded already (see
 * {@link MafException#markRecorded()}), so such refusals can be audited without the binding layer knowing about
 * auditing.
 */
public interface RefusalListener {

    /** The refused request as it arrived: its request line and the address it came from (null when unknown). */
    record RefusedRequest(String method, String path, String sourceAddress) {
    }

    void refused(RefusedRequest request, Rsc rsc, String message);
}
