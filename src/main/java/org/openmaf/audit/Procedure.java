package org.openmaf.audit;

import java.util.regex.Pattern;

/** The MAF procedures of TS-0003 8.8.2 as the contract maps them onto HTTP (MAF-CONTRACT.md section 3). */
public enum Procedure {
    CLIENT_REGISTRATION("POST", "/maf/mafClientRegs"),
    CLIENT_REGISTRATION_RETRIEVAL("GET", "/maf/mafClientRegs/{id}"),
    CLIENT_CONFIGURATION_RETRIEVAL("GET", "/maf/mafClientRegs/{id}/mafClientCfg"),
    CLIENT_REGISTRATION_UPDATE("PUT", "/maf/mafClientRegs/{id}"),
    CLIENT_DEREGISTRATION("DELETE", "/maf/mafClientRegs/{id}"),
    KEY_REGISTRATION("POST", "/maf/symmKeyRegs"),
    KEY_RETRIEVAL("GET", "/maf/symmKeyRegs/{id}"),
    KEY_REGISTRATION_UPDATE("PUT", "/maf/symmKeyRegs/{id}"),
    KEY_DEREGISTRATION("DELETE", "/maf/symmKeyRegs/{id}"),
    /** A request under /maf that names no procedure (unknown path or method). */
    OTHER_MAF_REQUEST("*", "/maf/**");

    private final String method;
    private final Pattern path;

    Procedure(String method, String template) {
        this.method = method;
        this.path = Pattern.compile(template.replace("{id}", "[^/]+").replace("/**", "(/.*)?"));
    }

    /** The procedure a request line names. */
    public static Procedure of(String method, String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (Procedure procedure : values()) {
            if (procedure.method.equals(method) && procedure.path.matcher(trimmed).matches()) {
                return procedure;
            }
        }
        return OTHER_MAF_REQUEST;
    }

    /** The resource a request line addresses: the segment after the collection, if any. */
    public static String resourceIdOf(String path) {
        String[] segments = path.split("/");
        return segments.length > 3 && !segments[3].isEmpty() ? segments[3] : null;
    }
}
