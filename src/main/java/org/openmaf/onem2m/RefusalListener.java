package org.openmaf.onem2m;

/**
 * Told of every request the binding layer refuses that no procedure has recorded already (see
 * {@link MafException#markRecorded()}), so such refusals can be audited without the binding layer knowing about
 * auditing.
 */
public interface RefusalListener {

    /** {@code method} and {@code path} are the request line's, as the client sent them. */
    void refused(String method, String path, Rsc rsc, String message);
}
