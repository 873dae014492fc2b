package org.openmaf.crypto;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * A known value sealed under the KEK at first start (table {@code kek_canary}). At every start the MAF opens it with
 * the KEK configured under the id it was sealed with, and refuses to start, naming that id, when none does: a MAF
 * given the wrong KEK would otherwise come up healthy and answer every key retrieval with 5000. The message names KEK
 * ids only, never key material. A rewrap re-seals the canary under the current KEK with the keys ({@link #reseal}).
 */
@ApplicationScoped
public class KekCanary {

    private static final Logger LOG = Logger.getLogger(KekCanary.class);
    /** Associated data of the canary: no key's RelativeKeyID has this form, so no key row opens as the canary. */
    static final String ASSOCIATED_DATA = "maf-kek-canary";
    private static final byte[] VALUE = "openmaf KEK canary v1".getBytes(StandardCharsets.US_ASCII);
    /** SQLSTATE unique_violation, on PostgreSQL and H2 alike: another instance sealed the canary first. */
    private static final String UNIQUE_VIOLATION = "23505";

    @Inject
    KeyEncryption encryption;

    @Inject
    DataSource dataSource;

    /** Before anything else runs at start-up (Flyway has migrated by then): nothing may write under a wrong KEK. */
    void checkAtStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start) {
        verify();
    }

    /** Seals the canary when there is none yet, then checks a configured KEK opens it; throws {@link WrongKek} if not. */
    public void verify() {
        SealedKey canary = stored().orElseGet(this::sealFirst);
        if (!encryption.configuredKekIds().contains(canary.kekId())) {
            throw new WrongKek("The MAF cannot start: the stored keys are sealed under KEK '" + canary.kekId()
                    + "', and no KEK with that id is configured (maf.crypto.kek-id is '" + encryption.currentKekId()
                    + "', configured KEK ids: " + encryption.configuredKekIds() + "). Configure KEK '" + canary.kekId()
                    + "' as maf.crypto.kek (with maf.crypto.kek-id) or under maf.crypto.previous-keks. See README,"
                    + " 'Production'.");
        }
        if (!encryption.opens(canary, ASSOCIATED_DATA, VALUE)) {
            throw new WrongKek("The MAF cannot start: the KEK configured with id '" + canary.kekId()
                    + "' does not open the KEK canary; it is not the KEK '" + canary.kekId() + "' the stored keys are"
                    + " sealed under. Configure the escrowed KEK '" + canary.kekId() + "'. See README, 'Production'.");
        }
        LOG.infof("KEK check: the KEK canary opens under KEK '%s' (current KEK '%s')", canary.kekId(),
                encryption.currentKekId());
    }

    /** After a rewrap: the canary follows the keys to the current KEK, so the previous one can be removed. */
    public void reseal() {
        SealedKey sealed = encryption.seal(VALUE, ASSOCIATED_DATA);
        try (Connection connection = dataSource.getConnection();
                var update = connection.prepareStatement("update kek_canary set kek_id = ?, nonce = ?, ciphertext = ?,"
                        + " sealed_at = ? where id = 1")) {
            bind(update, sealed);
            if (update.executeUpdate() == 0) {
                sealFirst();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not re-seal the KEK canary: " + e.getMessage(), e);
        }
    }

    /** The stored canary, if any. */
    public Optional<SealedKey> stored() {
        try (Connection connection = dataSource.getConnection();
                var query = connection.prepareStatement("select kek_id, nonce, ciphertext from kek_canary where id = 1");
                var rows = query.executeQuery()) {
            return rows.next() ? Optional.of(new SealedKey(rows.getString(1), rows.getBytes(2), rows.getBytes(3)))
                    : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the KEK canary: " + e.getMessage(), e);
        }
    }

    /** First start: seals the canary; when another instance starting at the same time won, its canary is the one. */
    private SealedKey sealFirst() {
        SealedKey sealed = encryption.seal(VALUE, ASSOCIATED_DATA);
        try (Connection connection = dataSource.getConnection();
                var insert = connection.prepareStatement("insert into kek_canary (kek_id, nonce, ciphertext, sealed_at, id)"
                        + " values (?, ?, ?, ?, 1)")) {
            bind(insert, sealed);
            insert.executeUpdate();
            LOG.infof("KEK check: KEK canary sealed under KEK '%s' (first start on this database)", sealed.kekId());
            return sealed;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return stored().orElseThrow(() -> new IllegalStateException("KEK canary vanished after a concurrent insert"));
            }
            throw new IllegalStateException("could not seal the KEK canary: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement statement, SealedKey sealed) throws SQLException {
        statement.setString(1, sealed.kekId());
        statement.setBytes(2, sealed.nonce());
        statement.setBytes(3, sealed.ciphertext());
        statement.setTimestamp(4, Timestamp.from(Instant.now()));
    }

    /** No configured KEK opens what the database holds; the message names KEK ids, never key material. */
    public static final class WrongKek extends IllegalStateException {
        WrongKek(String message) {
            super(message);
        }
    }
}
