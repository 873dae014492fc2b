package org.openmaf.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.openmaf.keys.KeyRewrap;
import org.openmaf.onem2m.Rsc;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * KEK rotation, the operator's side: after a new KEK became current (the old one kept under
 * {@code maf.crypto.previous-keks}), a rewrap re-seals every stored key under it, so the old one can go.
 */
@ApplicationScoped
public class KekAdmin {

    @Inject
    KeyRewrap rewrap;

    @Inject
    AdminAudit audit;

    /** Batched, so not one transaction; the audit record, with the counts, follows in its own. */
    public KekMessages.RewrapResult rewrap() {
        KeyRewrap.Result result = rewrap.rewrapAll();
        QuarkusTransaction.requiringNew().run(() -> audit.changed(AdminChange.ADMIN_KEK_REWRAP, Rsc.UPDATED,
                result.currentKekId(), "rewrapped=" + result.rewrapped() + " alreadyCurrent=" + result.alreadyCurrent()
                        + " unreadable=" + result.unreadable()));
        return KekMessages.RewrapResult.of(result);
    }
}
