package org.openmaf.admin;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openmaf.keys.KeyRewrap;

/** The admin API's JSON for KEK operations: KEK ids and counts, never key material. */
public final class KekMessages {

    private KekMessages() {
    }

    @Schema(name = "KekRewrapResult")
    public record RewrapResult(
            @Schema(description = "maf.crypto.kek-id: every key is now sealed under it, except those counted unreadable",
                    examples = "k2") String currentKekId,
            @Schema(description = "Keys re-sealed under the current KEK by this call", examples = "1200") long rewrapped,
            @Schema(description = "Keys that were under the current KEK already", examples = "35") long alreadyCurrent,
            @Schema(description = "Keys no configured KEK opens (a tampered row, or a KEK missing from"
                    + " maf.crypto.previous-keks); left as they are. While this is not 0 the KEK canary stays under"
                    + " its old KEK and no previous KEK should be removed.", examples = "0") long unreadable) {

        static RewrapResult of(KeyRewrap.Result result) {
            return new RewrapResult(result.currentKekId(), result.rewrapped(), result.alreadyCurrent(), result.unreadable());
        }
    }
}
