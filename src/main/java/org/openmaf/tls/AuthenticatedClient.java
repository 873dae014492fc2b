package org.openmaf.tls;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

/** The MAF client ID the current request's certificate proves, once {@link MafClientAuthentication} has run. */
@RequestScoped
public class AuthenticatedClient {

    private String id;
    private CompanionRead readAlong;

    void authenticated(String clientId, CompanionRead readAlong) {
        this.id = clientId;
        this.readAlong = readAlong;
    }

    /** What was read along with the certificate's standing for this request's procedure; null when nothing was. */
    public CompanionRead readAlong() {
        return readAlong;
    }

    public Optional<String> idIfKnown() {
        return Optional.ofNullable(id);
    }

    public String id() {
        if (id == null) {
            throw new IllegalStateException("no authenticated MAF client on this request");
        }
        return id;
    }
}
