package org.openmaf.testing;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * What every MAF test runs against: the test PKI, the test database, a stakeholder for the seed TR's SP, and the key
 * that admin bearer tokens are verified with.
 */
public class MafTestEnvironment implements QuarkusTestResourceLifecycleManager {

    public static final String MAF_FQDN = "maf.test.example";
    public static final String ADMIN_FQDN = "my.m2mprovider.org";
    /** Test fixture KEKs (32 bytes each), never used outside tests: the current one and a retired one. */
    public static final String TEST_KEK = "dGVzdC1vbmx5LWtlay0wMTIzNDU2Nzg5YWJjZGVmMDE=";
    public static final String RETIRED_TEST_KEK = "cmV0aXJlZC10ZXN0LWtlay0wMTIzNDU2Nzg5YWJjZGU=";

    @Override
    public Map<String, String> start() {
        TestPki.ensure();
        TestDatabase.ensure();
        AdminTokens.ensure();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", TestDatabase.jdbcUrl());
        config.put("quarkus.datasource.username", TestDatabase.USER);
        config.put("maf.fqdn", MAF_FQDN);
        config.put("maf.tls.server-cert", TestPki.serverCertificate().toString());
        config.put("maf.tls.server-key", TestPki.serverKey().toString());
        config.put("maf.tls.trust-anchors", TestPki.caCertificate().toString());
        config.put("maf.crypto.kek", TEST_KEK);
        config.put("maf.crypto.kek-id", "test-k1");
        config.put("maf.crypto.previous-keks.\"test-k0\"", RETIRED_TEST_KEK);
        config.put("maf.stakeholders.\"" + ADMIN_FQDN + "\".authorized-clients", "//" + TestPki.SP + "/*");
        config.put("maf.stakeholders.\"" + ADMIN_FQDN + "\".max-registration-lifetime", "P365D");
        config.put("maf.stakeholders.\"" + ADMIN_FQDN + "\".max-key-lifetime", "P7D");
        config.put("mp.jwt.verify.publickey.location", AdminTokens.publicKey().toString());
        config.put("mp.jwt.verify.issuer", AdminTokens.ISSUER);
        config.put("mp.jwt.verify.audiences", AdminTokens.AUDIENCE);
        return config;
    }

    @Override
    public void stop() {
    }
}
