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
}
