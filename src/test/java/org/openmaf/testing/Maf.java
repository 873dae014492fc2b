package org.openmaf.testing;

import java.util.List;
import java.util.stream.Collectors;

import org.openmaf.testing.TestPki.Client;

import io.restassured.response.Response;

/** The MAF procedures as a test writes them: JSON bodies and calls over real mutual TLS. */
public final class Maf {

    public static final String ADMIN = MafTestEnvironment.ADMIN_FQDN;

    private Maf() {
    }

    public static String clientReg(String attributes) {
        return "{\"m2m:mafClientReg\":{" + attributes + "}}";
    }

    public static String keyReg(String attributes) {
        return "{\"m2m:symmKeyReg\":{" + attributes + "}}";
    }

    public static String keyRegFor(int suid, List<String> targets) {
        return keyReg("\"adminFQDN\":\"" + ADMIN + "\",\"suid\":" + suid + ",\"targetIDs\":["
                + targets.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(",")) + "]");
    }

    public static Response post(Client client, String path, String body) {
        return MafClients.as(client).contentType("application/json").body(body).post(path);
    }

    /** MAF Client Registration for the test stakeholder; returns the mafClientRegID. */
    public static String register(Client client) {
        return post(client, "/maf/mafClientRegs", clientReg("\"adminFQDN\":\"" + ADMIN + "\""))
                .then().statusCode(201).extract().path("'m2m:mafClientReg'.mafClientRegID");
    }

    /**
     * The usual fixture of a retrieval test: the MN-CSE and the IN-CSE registered, and a key the MN-CSE registered
     * for the IN-CSE (SUID 32, Kc from the exporter of the MN-CSE's connection); returns its RelativeKeyID.
     */
    public static String keyFromMnCseForInCse() {
        register(Client.MN_CSE);
        register(Client.IN_CSE);
        return post(Client.MN_CSE, "/maf/symmKeyRegs", keyRegFor(32, List.of(Client.IN_CSE.clientId)))
                .then().statusCode(201).extract().path("'m2m:symmKeyReg'.relativeKeyID");
    }
}
