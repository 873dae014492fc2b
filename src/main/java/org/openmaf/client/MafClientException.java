package org.openmaf.client;

import java.io.IOException;

/**
 * A MAF procedure failed: either the MAF answered with an error (HTTP status, oneM2M Response Status Code from
 * {@code X-M2M-RSC}, and the MAF's {@code m2m:dbg} message), or the answer could not be trusted or understood.
 * Never carries key material.
 */
public class MafClientException extends IOException {

    /** Status and RSC used when the failure was detected by this client, not reported by the MAF. */
    public static final int LOCAL = 0;

    private final int httpStatus;
    private final int rsc;
    private final String mafMessage;

    public MafClientException(int httpStatus, int rsc, String mafMessage) {
        super(describe(httpStatus, rsc, mafMessage));
        this.httpStatus = httpStatus;
        this.rsc = rsc;
        this.mafMessage = mafMessage;
    }

    /** A failure found on this side: a response that breaks the contract, or a check the client makes itself. */
    public static MafClientException local(String message) {
        return new MafClientException(LOCAL, LOCAL, message);
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The oneM2M Response Status Code (TS-0004 6.6), e.g. 4103; {@value #LOCAL} when the MAF sent none. */
    public int rsc() {
        return rsc;
    }

    public String mafMessage() {
        return mafMessage;
    }

    private static String describe(int httpStatus, int rsc, String message) {
        if (httpStatus == LOCAL) {
            return message;
        }
        return "HTTP " + httpStatus + ", RSC " + rsc + ": " + message;
    }
}
