package org.openmaf.dev;

import java.time.Duration;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.openmaf.config.MafConfig;
import org.openmaf.pki.DevPki;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;

/**
 * Dev mode only: tells the developer where the generated PKI is and what to paste to talk to the MAF, including an
 * admin token signed by the dev key ({@link DevAdminTokens}).
 */
@IfBuildProfile("dev")
public class DevModeBanner {

    private static final Logger LOG = Logger.getLogger(DevModeBanner.class);
    /** Long enough for a working day; a restart prints a fresh one. */
    static final Duration ADMIN_TOKEN_VALIDITY = Duration.ofHours(12);

    @Inject
    MafConfig config;

    @ConfigProperty(name = "quarkus.http.ssl-port")
    int port;

    @Inject
    DevPskDevice pskDevice;

    void onStart(@Observes StartupEvent event) {
        String pki = DevDefaults.HOME.resolve("pki").toAbsolutePath().toString();
        String mn = DevPki.DevClient.MN_CSE.fileName;
        String kmHex = pskDevice.ensure();
        LOG.infof("""

                ==== MAF dev mode (development only: generated PKI and KEK, embedded H2 store) ====
                MAF-FQDN      %s
                Dev PKI       %s  (CA ca.crt; clients in-cse, mn-cse-123456, ae-smartphone as .crt/.key and .p12, password %s)
                Stakeholder   my.m2mprovider.org authorizes //my.m2mprovider.org/*
                OpenAPI UI    https://localhost:%d/q/swagger-ui   (a browser needs no client certificate)
                Register the MN-CSE as a MAF client:
                  curl --cacert %s/ca.crt --cert %s/%s.crt --key %s/%s.key \\
                       -H 'Content-Type: application/json' -d '{"m2m:mafClientReg":{"adminFQDN":"my.m2mprovider.org"}}' \\
                       https://localhost:%d/maf/mafClientRegs
                Admin API token (role maf-admin, valid %d hours; paste it into the OpenAPI UI's Authorize dialog):
                  TOKEN=%s
                  curl --cacert %s/ca.crt -H "Authorization: Bearer $TOKEN" https://localhost:%d/admin/stakeholders
                PSK device    %s, KmID %s, Km (hex) %s
                  (PSK-based MAF Handshake on port %d, contract section 8; the Km is kept in %s/secrets/demo-km.hex)
                  openssl s_client -connect localhost:%d -tls1_3 -psk_identity %s -psk %s \
                       -keymatexport EXPORTER-oneM2M-Connection -keymatexportlen 48 -ign_eof
                """, config.fqdn(), pki, DevPki.PKCS12_PASSWORD, port, pki, pki, mn, pki, mn, port,
                ADMIN_TOKEN_VALIDITY.toHours(), DevAdminTokens.adminToken(ADMIN_TOKEN_VALIDITY), pki, port,
                DevPskDevice.CLIENT_ID, pskDevice.kmId(), kmHex, config.psk().port(),
                DevDefaults.HOME.toAbsolutePath(), config.psk().port(), pskDevice.kmId(), kmHex);
    }
}
