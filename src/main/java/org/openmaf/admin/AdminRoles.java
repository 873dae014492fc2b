package org.openmaf.admin;

/** The roles an admin bearer token carries in its {@code groups} claim. */
public final class AdminRoles {

    /** May read and change everything the admin API offers. */
    public static final String ADMIN = "maf-admin";
    /** May read (stakeholders, bindings, configurations, registrations, keys' metadata, the audit log), never change. */
    public static final String AUDITOR = "maf-auditor";

    private AdminRoles() {
    }
}
