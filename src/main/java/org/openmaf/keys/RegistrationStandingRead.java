package org.openmaf.keys;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.openmaf.onem2m.DatabaseKind;
import org.openmaf.tls.CompanionRead;
import org.openmaf.wire.MafNames;

/**
 * A key registration's {@link SourceStanding}, read by the statement that reads the source's certificate standing
 * ({@link CompanionRead}): a registration below its source's ceiling then costs two statements instead of three (issue
 * 12). The read runs before the request's body is, so the stakeholder the body names is not known yet: every
 * registration of the client comes along with its stakeholder (one row each; a client registers with a handful of
 * stakeholders at most), and {@link #standingOf} takes the one the body names, valid at the procedure's own instant.
 * <p>
 * Like its fallback ({@link SourceStanding#readOnPostgreSql}: a PSK client, or a certificate whose binding names the
 * client in another form), the read takes no lock: the statement that writes the key checks the registration again and
 * locks it ({@link NewKeyStatement#insertBelowCeiling}).
 */
final class RegistrationStandingRead extends CompanionRead {

    /** Offers the read to each {@code POST /maf/symmKeyRegs} on PostgreSQL (H2 locks and counts, with entities). */
    @ApplicationScoped
    static class Source implements CompanionRead.Source {

        @Inject
        DatabaseKind database;

        @Override
        public CompanionRead readFor(ContainerRequestContext request) {
            return database.postgreSql() && HttpMethod.POST.equals(request.getMethod())
                    && MafNames.KEY_REGS.equals(request.getUriInfo().getPath()) ? new RegistrationStandingRead() : null;
        }
    }

    private static final String COLUMNS = ", " + SourceStanding.COLUMNS;
    private static final String JOINS = " left join client_registration r on r.client_id = c.client_id"
            + " left join stakeholder s on s.admin_fqdn = r.admin_fqdn";

    private String callerId;
    /** The client's registrations by stakeholder; null until read, and once taken. */
    private Map<String, SourceStanding> byStakeholder;

    /** The joins follow {@code c.client_id}: nothing of their own to bind. */
    private RegistrationStandingRead() {
        super(COLUMNS, JOINS);
    }

    @Override
    protected void read(ResultSet rows, int column, String sqlClientId) throws SQLException {
        if (sqlClientId == null) {
            return;
        }
        Map<String, SourceStanding> read = new HashMap<>();
        do {
            // No stakeholder joined: the client holds no registration (one row of nulls), or its stakeholder went.
            if (rows.getString(column + 1) != null) {
                SourceStanding standing = SourceStanding.fromRow(rows, column);
                read.put(standing.stakeholder().adminFqdn, standing);
            }
        } while (rows.next());
        callerId = sqlClientId;
        byStakeholder = read;
    }

    /**
     * The source's registration for {@code adminFqdn}, valid at {@code now}, with its stakeholder: from {@code readAlong}
     * if it holds this source's registrations (not taken before), else read now. Empty when there is none.
     */
    static Optional<SourceStanding> standingOf(CompanionRead readAlong, String sourceId, String adminFqdn, Instant now) {
        if (readAlong instanceof RegistrationStandingRead along && along.byStakeholder != null
                && sourceId.equals(along.callerId)) {
            SourceStanding standing = along.byStakeholder.get(adminFqdn);
            along.byStakeholder = null;
            return Optional.ofNullable(standing).filter(valid -> valid.registrationExpiry().isAfter(now));
        }
        return SourceStanding.readOnPostgreSql(sourceId, adminFqdn, now);
    }
}
