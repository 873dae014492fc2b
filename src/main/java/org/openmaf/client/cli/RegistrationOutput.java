package org.openmaf.client.cli;

import org.openmaf.client.MafClientRegistration;
import org.openmaf.client.KeyMetadata;

/** Field names in CLI output are the contract's attribute names, so JSON output reads like the MAF's own. */
final class RegistrationOutput {

    private RegistrationOutput() {
    }

    static Output of(Output output, MafClientRegistration registration) {
        return output.field("mafClientRegID", registration.mafClientRegId())
                .field("mafClientID", registration.mafClientId())
                .field("mafFQDN", registration.mafFqdn())
                .field("adminFQDN", registration.adminFqdn())
                .field("expirationTime", registration.expirationTime())
                .field("labels", registration.labels())
                .field("creationTime", registration.creationTime())
                .field("lastModifiedTime", registration.lastModifiedTime());
    }

    static Output of(Output output, KeyMetadata key) {
        return output.field("relativeKeyID", key.relativeKeyId())
                .field("keyIdentifier", key.keyIdentifier())
                .field("sourceID", key.sourceId())
                .field("adminFQDN", key.adminFqdn())
                .field("suid", key.suid())
                .field("targetIDs", key.targetIds())
                .field("expirationTime", key.expirationTime())
                .field("labels", key.labels());
    }
}
