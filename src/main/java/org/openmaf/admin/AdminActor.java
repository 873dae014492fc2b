package org.openmaf.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** The operator behind the current admin request: the subject of the bearer token that authenticated it. */
@RequestScoped
public class AdminActor {

    /** The width of audit_record.actor. */
    static final int MAX_LENGTH = 512;

    @Inject
    JsonWebToken token;

    public String name() {
        String subject = token.getSubject() != null ? token.getSubject() : token.getName();
        if (subject == null) {
            return "unnamed admin token";
        }
        return subject.length() <= MAX_LENGTH ? subject : subject.substring(0, MAX_LENGTH);
    }
}
