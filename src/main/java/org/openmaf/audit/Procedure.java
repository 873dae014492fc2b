package org.openmaf.audit;

import org.openmaf.onem2m.Rsc;

/**
 * The MAF procedures of TS-0003 8.8.2 that a client runs, with the RSC each answers on success. The service that runs
 * a procedure names it ({@link AuditedProcedure}); nothing here knows how a procedure is reached over HTTP.
 */
public enum Procedure {
    /** 8.8.2.3. */
    CLIENT_REGISTRATION(Rsc.CREATED),
    /** Reading back one's own registration (the retrieve operation on mafClientReg, TS-0003 8.8.2.3). */
    CLIENT_REGISTRATION_RETRIEVAL(Rsc.OK),
    /** 8.8.2.4. */
    CLIENT_CONFIGURATION_RETRIEVAL(Rsc.OK),
    /** 8.8.2.5. */
    CLIENT_REGISTRATION_UPDATE(Rsc.UPDATED),
    /** 8.8.2.6. */
    CLIENT_DEREGISTRATION(Rsc.DELETED),
    /** 8.8.2.7. */
    KEY_REGISTRATION(Rsc.CREATED),
    /** 8.8.2.8. */
    KEY_RETRIEVAL(Rsc.OK),
    /** 8.8.2.9. */
    KEY_REGISTRATION_UPDATE(Rsc.UPDATED),
    /** 8.8.2.10. */
    KEY_DEREGISTRATION(Rsc.DELETED),
    /**
     * Not a procedure: a request under /maf that the binding layer refused before any procedure ran (unknown path or
     * method, no client certificate, a body that is not the resource). Only ever a refusal.
     */
    OTHER_MAF_REQUEST(null);

    private final Rsc success;

    Procedure(Rsc success) {
        this.success = success;
    }

    /** The RSC the procedure answers when it succeeds (TS-0004 6.6: created, OK, updated, deleted). */
    public Rsc success() {
        if (success == null) {
            throw new IllegalStateException(name() + " never succeeds: it records refusals only");
        }
        return success;
    }
}
