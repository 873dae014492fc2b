package org.openmaf.keys;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.openmaf.onem2m.PlainStatements;
import org.openmaf.onem2m.StringListColumn;
import org.openmaf.registration.ClientRegistration;
import org.openmaf.registration.Stakeholder;

/**
 * What a new key registration depends on (TS-0003 8.8.2.7, contract section 7): the source's valid registration for
 * the stakeholder, the stakeholder, and how many valid keys the source holds for it now.
 * <p>
 * On PostgreSQL it is read first without a lock, along with the source's certificate standing
 * ({@link RegistrationStandingRead}) or else on its own ({@link #readOnPostgreSql}): the statement that writes the key
 * below the source's ceiling locks what the key depends on itself ({@link NewKeyStatement#insertBelowCeiling}). At the
 * quota, the source's registration row is locked first, on its own, for the rest of a transaction
 * ({@link #lockedOnPostgreSql}): concurrent registrations of one source then count each other's keys and the quota
 * holds exactly, while sources do not wait for each other. (Locking it in the same statement as the stakeholder would
 * make Hibernate lock the stakeholder row too, and every key registration for that stakeholder would wait for the one
 * before.)
 */
record SourceStanding(Instant registrationExpiry, Stakeholder stakeholder, long validKeys) {

    /** {@link #validKeys} when the statement that inserts the key checks the quota ({@link NewKeyStatement}). */
    static final long COUNTED_ON_INSERT = -1;

    /**
     * A registration ({@code r}) and its stakeholder ({@code s}) as {@link #fromRow} reads them; also read along with the
     * source's certificate standing ({@link RegistrationStandingRead}).
     */
    static final String COLUMNS = "r.expiration_time, s.admin_fqdn, s.authorized_clients, s.max_key_lifetime_seconds,"
            + " s.max_keys_per_client";

    /** PostgreSQL: the source's valid registration and its stakeholder, by ONE statement. */
    private static final String STANDING = "select " + COLUMNS
            + " from client_registration r join stakeholder s on s.admin_fqdn = r.admin_fqdn"
            + " where r.client_id = ? and r.admin_fqdn = ? and r.expiration_time > ?";

    /**
     * The same, with the registration row locked ({@code for update of r} locks the registration row only, so key
     * registrations for one stakeholder still do not wait for each other). The quota check is left to the insert
     * ({@link NewKeyStatement#insert}), a later statement, whose snapshot then sees every key (and the key ceiling) a
     * concurrent registration of this source committed before the lock was granted: the quota holds exactly. Read here,
     * the ceiling would be that of the statement's start, before the lock was granted.
     */
    private static final String LOCK_AND_STAKEHOLDER = STANDING + " for update of r";

    private static final StringListColumn LISTS = new StringListColumn();

    /**
     * Read without a lock: what the key's expiry cap and the authorization check need before the key is derived. Empty
     * when the source holds no valid registration for the stakeholder, or the stakeholder is gone.
     */
    static Optional<SourceStanding> readOnPostgreSql(String sourceId, String adminFqdn, Instant now) {
        return onPostgreSql(STANDING, sourceId, adminFqdn, now);
    }

    /** Read with the registration row locked until the transaction ends; empty as {@link #readOnPostgreSql}. */
    static Optional<SourceStanding> lockedOnPostgreSql(String sourceId, String adminFqdn, Instant now) {
        return onPostgreSql(LOCK_AND_STAKEHOLDER, sourceId, adminFqdn, now);
    }

    private static Optional<SourceStanding> onPostgreSql(String sql, String sourceId, String adminFqdn, Instant now) {
        return PlainStatements.query(sql, statement -> {
            statement.setString(1, sourceId);
            statement.setString(2, adminFqdn);
            PlainStatements.setInstant(statement, 3, now);
        }, rows -> rows.next() ? Optional.of(fromRow(rows, 1)) : Optional.empty());
    }

    /** The standing in {@link #COLUMNS} from {@code first} on, in the row the cursor is on; its keys counted on insert. */
    static SourceStanding fromRow(ResultSet rows, int first) throws SQLException {
        Stakeholder stakeholder = Stakeholder.detached(rows.getString(first + 1),
                LISTS.convertToEntityAttribute(rows.getString(first + 2)), rows.getLong(first + 3), rows.getInt(first + 4));
        return new SourceStanding(PlainStatements.instant(rows, first), stakeholder, COUNTED_ON_INSERT);
    }

    /** Empty when the source holds no valid registration for the stakeholder, or the stakeholder is gone. */
    static Optional<SourceStanding> of(String sourceId, String adminFqdn, Instant now) {
        Optional<ClientRegistration> registration = ClientRegistration.<ClientRegistration>find(
                "clientId = ?1 and adminFqdn = ?2 and expirationTime > ?3", sourceId, adminFqdn, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
        if (registration.isEmpty()) {
            return Optional.empty();
        }
        List<Object[]> rows = Stakeholder.getEntityManager().createQuery("select s, (select count(k) from KeyRegistration k"
                + " where k.sourceId = :source and k.adminFqdn = s.adminFqdn and k.expirationTime > :now)"
                + " from Stakeholder s where s.adminFqdn = :stakeholder", Object[].class)
                .setParameter("source", sourceId).setParameter("stakeholder", adminFqdn).setParameter("now", now)
                .getResultList();
        return rows.stream().findFirst().map(row -> new SourceStanding(registration.get().expirationTime,
                (Stakeholder) row[0], ((Number) row[1]).longValue()));
    }
}
