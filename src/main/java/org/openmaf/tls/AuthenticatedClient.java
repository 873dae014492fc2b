package org.openmaf.tls;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

/** The MAF client ID the current request's certificate proves, once {@link MafClientAuthentication} has run. */
@RequestScoped
public class AuthenticatedClient {

    private String id;

    void authenticated(String clientId) {
        this.id = clientId;
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
