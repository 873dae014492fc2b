package org.openmaf.onem2m;

/**
 * Told of every refused request, so refusals can be audited without the binding layer knowing about auditing.
 */
public interface RefusalListener {

    void refused(Rsc rsc, String message);
}
