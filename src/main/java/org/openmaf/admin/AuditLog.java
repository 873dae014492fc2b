package org.openmaf.admin;

import java.time.Instant;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.openmaf.audit.AuditRecord;
import org.openmaf.onem2m.MafException;

import io.quarkus.panache.common.Sort;

/** The audit trail as operators query it: filtered, newest first, a page at a time. */
@ApplicationScoped
public class AuditLog {

    public Listing<View> query(Query query, Paging paging) {
        Filters filters = new Filters()
                .where("actor = :actor", "actor", query.actor())
                .where("procedure = :procedure", "procedure", query.procedure())
                .where("occurredAt >= :from", "from", query.from())
                .where("occurredAt < :to", "to", query.to());
        switch (query.result()) {
            case Result.Success ignored -> filters.where("rsc >= :low and rsc < 3000", "low", 2000);
            case Result.Refusal ignored -> filters.where("(rsc < 2000 or rsc >= :high)", "high", 3000);
            case Result.Code code -> filters.where("rsc = :rsc", "rsc", code.rsc());
            case Result.Any ignored -> {
            }
        }
        return Listing.of(AuditRecord.<AuditRecord>find(filters.query(), Sort.descending("occurredAt").and("id", Sort.Direction.Descending),
                filters.parameters()), paging, View::of);
    }

    /** The filters of an audit query; absent ones match every record. {@code to} is exclusive. */
    public record Query(String actor, String procedure, Instant from, Instant to, Result result) {

        static Query of(String actor, String procedure, String from, String to, String result) {
            return new Query(actor, procedure == null ? null : procedure.strip().toUpperCase(Locale.ROOT),
                    AdminInput.timestamp(from, "from"), AdminInput.timestamp(to, "to"), Result.of(result));
        }
    }

    /** Which outcomes to list: successes (RSC 2xxx), refusals (every other RSC), or one RSC. */
    public sealed interface Result {
        record Any() implements Result {
        }

        record Success() implements Result {
        }

        record Refusal() implements Result {
        }

        record Code(int rsc) implements Result {
        }

        static Result of(String text) {
            if (text == null) {
                return new Any();
            }
            String value = text.strip().toLowerCase(Locale.ROOT);
            if (value.equals("success")) {
                return new Success();
            }
            if (value.equals("refusal")) {
                return new Refusal();
            }
            if (value.matches("[0-9]{4}")) {
                return new Code(Integer.parseInt(value));
            }
            throw MafException.badRequest("'result' must be success, refusal or a four-digit RSC such as 4103.");
        }
    }

    @Schema(name = "AuditRecord", description = "One audited event; never key material")
    public record View(
            long id,
            @Schema(implementation = String.class, examples = "20261122T183000") Instant occurredAt,
            @Schema(description = "X-M2M-RI of the request, if any") String requestId,
            @Schema(description = "MAF client ID, admin token subject, or system job; absent when the caller proved no identity",
                    examples = "//my.m2mprovider.org/mn-cse-123456") String actor,
            @Schema(enumeration = { "MAF_CLIENT", "ADMIN", "SYSTEM" }) String actorKind,
            @Schema(examples = "KEY_REGISTRATION") String procedure,
            @Schema(examples = "0F1E2D3C4B5A69788796A5B4C3D2E1F0") String resourceId,
            @Schema(examples = "2001") int rsc,
            String detail) {

        static View of(AuditRecord record) {
            return new View(record.id, record.occurredAt, record.requestId, record.actor, record.actorKind.name(),
                    record.procedure, record.resourceId, record.rsc, record.detail);
        }
    }
}
