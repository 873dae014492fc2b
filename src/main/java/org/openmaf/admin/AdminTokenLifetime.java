package org.openmaf.admin;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.openmaf.config.MafConfig;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * The time rules of admin tokens (contract section 7), on top of what smallrye-jwt checks (signature, issuer,
 * {@code exp}, and {@code aud} against {@code mp.jwt.verify.audiences}): a token must say when it was issued
 * ({@code iat}), not in the future beyond {@value #SKEW_SECONDS} s of clock skew, and it is good for at most
 * {@code maf.admin.max-token-age} from then, whatever its {@code exp} promises. A stolen token thus ages out even if its
 * issuer was generous, and a ten-year token is refused outright. Failing any of these is a 401, like a bad signature.
 */
@ApplicationScoped
public class AdminTokenLifetime implements SecurityIdentityAugmentor {

    static final long SKEW_SECONDS = 60;

    @Inject
    MafConfig config;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        // Wall-clock time, as smallrye-jwt uses for exp: the token's issuer knows no other.
        String refusal = refusal(token, Instant.now());
        if (refusal != null) {
            return Uni.createFrom().failure(new AuthenticationFailedException(refusal));
        }
        return Uni.createFrom().item(identity);
    }

    String refusal(JsonWebToken token, Instant now) {
        long issuedAt = token.getIssuedAtTime();
        if (issuedAt <= 0) {
            return "the admin token has no iat (issued-at) claim";
        }
        Duration maxAge = config.admin().maxTokenAge();
        Instant issued = Instant.ofEpochSecond(issuedAt);
        Duration skew = Duration.ofSeconds(SKEW_SECONDS);
        if (issued.isAfter(now.plus(skew))) {
            return "the admin token was issued in the future (iat " + issued + ")";
        }
        if (issued.plus(maxAge).plus(skew).isBefore(now)) {
            return "the admin token is older than maf.admin.max-token-age (" + maxAge + ")";
        }
        long expiresAt = token.getExpirationTime();
        if (expiresAt > 0 && Duration.between(issued, Instant.ofEpochSecond(expiresAt)).compareTo(maxAge) > 0) {
            return "the admin token is valid for longer than maf.admin.max-token-age (" + maxAge + ") allows";
        }
        return null;
    }
}
