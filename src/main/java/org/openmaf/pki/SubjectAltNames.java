package org.openmaf.pki;

import org.bouncycastle.asn1.x509.GeneralName;

/** The two SAN forms that name a MAF client (contract section 1). */
public final class SubjectAltNames {

    private SubjectAltNames() {
    }

    /** A URI SAN such as {@code //my.m2mprovider.org/CAE3} (TS-0003 10.1.1.5, AE-ID certificates). */
    public static GeneralName uri(String uri) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, uri);
    }

    /** A dNSName SAN in the seed TR Annex B form, such as {@code my.m2mprovider.org/in-cse}. */
    public static GeneralName dns(String name) {
        return new GeneralName(GeneralName.dNSName, name);
    }
}
