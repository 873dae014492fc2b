package org.openmaf.onem2m;

import org.openmaf.wire.M2mTimestamp;

import org.openmaf.wire.MafNames;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.vertx.core.http.HttpServerRequest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.vertx.core.http.HttpServerRequest;

/**
 * The one place where a failure becomes a oneM2M error response ({@code X-M2M-RSC} and an {@code m2m:dbg} body).
 * Messages name the attribute and what was expected; they never echo request values, which could be key material.
 */
public class OneM2mErrorMapper {

    private static final Logger LOG = Logger.getLogger(OneM2mErrorMapper.class);

    private final RefusalListener refusals;
    private final RequestIdentifier requestId;
    private final HttpServerRequest request;

    public OneM2mErrorMapper(RefusalListener refusals, RequestIdentifier requestId, HttpServerRequest request) {
        this.refusals = refusals;
        this.requestId = requestId;
        this.request = request;
    }

    @ServerExceptionMapper
    public Response refused(MafException e) {
        if (e.isRecorded()) {
            return OneM2mResponses.error(e.rsc(), e.getMessage());
        }
        return respond(e.rsc(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonParseException e) {
        var location = e.getLocation();
        String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return respond(Rsc.BAD_REQUEST, "The body is not well-formed JSON" + where + ".");
    }

    @ServerExceptionMapper
    public Response unknownAttribute(UnrecognizedPropertyException e) {
        String owner = pathOf(e.getPath().subList(0, e.getPath().size() - 1));
        String accepted = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                .map(Object::toString).sorted().collect(Collectors.joining(", "));
        String message = owner.isEmpty()
                ? "Unknown root member '" + e.getPropertyName() + "'; this request takes " + accepted + "."
                : owner + ": attribute '" + e.getPropertyName() + "' is not accepted here; accepted: " + accepted + ".";
        return respond(Rsc.BAD_REQUEST, message);
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e) {
        String path = pathOf(e.getPath());
        if (path.isEmpty()) {
            return respond(Rsc.BAD_REQUEST, "The body must be a JSON object with one member naming the resource.");
        }
        if (e instanceof InvalidFormatException && e.getTargetType() == String.class) {
            return respond(Rsc.BAD_REQUEST, path + ": control characters (such as NUL) and unpaired surrogates are not"
                    + " accepted in strings.");
        }
        return respond(Rsc.BAD_REQUEST, path + ": expected " + describe(e.getTargetType()) + ".");
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParseException parse) {
                return unreadableJson(parse); // e.g. a body cut short inside a resource
            }
        }
        String path = e instanceof JsonMappingException mapping ? pathOf(mapping.getPath()) : "";
        return respond(Rsc.BAD_REQUEST, path.isEmpty()
                ? "The body cannot be read as a oneM2M JSON resource."
                : path + ": this value cannot be read.");
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return respond(Rsc.NOT_FOUND, "There is no resource at " + uri.getPath() + ".");
    }

    @ServerExceptionMapper
    public Response methodNotAllowed(NotAllowedException e, UriInfo uri) {
        Collection<String> allowed = e.getResponse().getAllowedMethods();
        return respond(Rsc.OPERATION_NOT_ALLOWED, "This method is not allowed on " + uri.getPath()
                + (allowed.isEmpty() ? "." : "; allowed: " + String.join(", ", allowed.stream().sorted().toList()) + "."));
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e) {
        return respond(Rsc.UNSUPPORTED_MEDIA_TYPE,
                "Send the body as application/json or " + MafNames.ONEM2M_JSON + ".");
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e) {
        return respond(Rsc.NOT_ACCEPTABLE,
                "Responses are JSON: accept application/json or " + MafNames.ONEM2M_JSON + ".");
    }

    @ServerExceptionMapper
    public Response otherHttpError(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        // The JSON reader reports some parse failures as a plain 400 around the Jackson exception.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParseException parse) {
                return unreadableJson(parse);
            }
            if (cause instanceof UnrecognizedPropertyException unknown) {
                return unknownAttribute(unknown);
            }
            if (cause instanceof MismatchedInputException mismatch) {
                return wrongType(mismatch);
            }
            if (cause instanceof JsonProcessingException json) {
                return otherJson(json);
            }
        }
        if (status == 401 || status == 403) {
            return e.getResponse();
        }
        if (status == 413) {
            return respond(Rsc.BAD_REQUEST, BodyLimit.TOO_LARGE_MESSAGE);
        }
        Rsc rsc = OneM2mHeaders.rscForStatus(status);
        if (rsc == Rsc.INTERNAL_SERVER_ERROR) {
            return unexpected(e);
        }
        return respond(rsc, "The request cannot be processed (HTTP " + status + ").");
    }

    /**
     * Whatever else went wrong was the MAF's fault (contract section 6): 500 / 5000 with {@code Retry-After}, logged once.
     * Refusal audit is skipped when the store is what failed (it could not be written, and trying would only make the
     * client wait for the pool a second time); the log line stands in for it.
     */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        if (isConcurrentChange(e)) {
            return respond(Rsc.CONFLICT, "Another request changed or removed this resource at the same moment;"
                    + " retrieve it and retry.");
        }
        String sqlState = sqlStateOf(e);
        if (UNIQUE_VIOLATION.equals(sqlState)) {
            return respond(Rsc.CONFLICT, "This resource exists already (another request created it at the same moment).");
        }
        if (sqlState != null && sqlState.startsWith(DATA_EXCEPTION_CLASS)) {
            return respond(Rsc.BAD_REQUEST, "A value in the request is longer or larger than the MAF stores.");
        }
        ServerFault fault = ServerFault.of(e);
        fault.log(e, requestId.value(), request.method().name(), request.path());
        if (fault == ServerFault.INTERNAL) {
            try {
                refusals.refused(refusedRequest(), Rsc.INTERNAL_SERVER_ERROR, fault.message());
            } catch (RuntimeException auditFailure) {
                LOG.debugf(auditFailure, "Request %s: the internal fault could not be audited", requestId.value());
            }
        }
        return OneM2mResponses.serverFault(fault);
    }

    /**
     * Two requests racing for one row (two de-registrations of one registration, an update against a deletion): the
     * loser's flush finds the row gone. A client-side conflict (found by HostileInputTest), not a fault of the MAF.
     */
    private static boolean isConcurrentChange(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof jakarta.persistence.OptimisticLockException
                    || cause instanceof org.hibernate.StaleStateException) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE 23505: two requests created the same row at once, the loser's insert collides (HostileInputTest). */
    private static final String UNIQUE_VIOLATION = "23505";
    /** SQLSTATE class 22: the data itself (too long, out of range): what the request sent, not a fault of the MAF. */
    private static final String DATA_EXCEPTION_CLASS = "22";

    private static String sqlStateOf(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private RefusalListener.RefusedRequest refusedRequest() {
        return new RefusalListener.RefusedRequest(request.method().name(), request.path(),
                request.remoteAddress() == null ? null : request.remoteAddress().hostAddress());
    }

    /** A refusal stands only if it can be audited: audit that cannot be written stops the procedure (fail closed). */
    private Response respond(Rsc rsc, String message) {
        try {
            refusals.refused(refusedRequest(), rsc, message);
        } catch (RuntimeException auditFailure) {
            ServerFault fault = ServerFault.of(auditFailure);
            fault.log(auditFailure, requestId.value(), request.method().name(), request.path());
            return OneM2mResponses.serverFault(fault);
        }
        return OneM2mResponses.error(rsc, message);
    }

    private static String pathOf(List<JsonMappingException.Reference> path) {
        return path.stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type == Instant.class) {
            return M2mTimestamp.describeExpected();
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "a JSON object";
    }
}
