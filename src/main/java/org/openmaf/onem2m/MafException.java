package org.openmaf.onem2m;

/**
 * A request the MAF refuses. The message goes to the client verbatim as {@code m2m:dbg}: write it for a client
 * developer, and never put key material in it.
 */
public class MafException extends RuntimeException {

    private final Rsc rsc;

    /** Set by the procedure that refused once it has recorded the refusal, so the binding layer does not again. */
    private volatile boolean recorded;

    public MafException(Rsc rsc, String message) {
        super(message, null, false, false);
        this.rsc = rsc;
    }

    public Rsc rsc() {
        return rsc;
    }

    public void markRecorded() {
        recorded = true;
    }

    public boolean isRecorded() {
        return recorded;
    }

    public static MafException badRequest(String message) {
        return new MafException(Rsc.BAD_REQUEST, message);
    }

    public static MafException notFound(String message) {
        return new MafException(Rsc.NOT_FOUND, message);
    }

    public static MafException noPrivilege(String message) {
        return new MafException(Rsc.ORIGINATOR_HAS_NO_PRIVILEGE, message);
    }

    public static MafException notAuthenticated(String message) {
        return new MafException(Rsc.ORIGINATOR_NOT_AUTHENTICATED, message);
    }

    public static MafException conflict(String message) {
        return new MafException(Rsc.CONFLICT, message);
    }
}
