package org.openmaf.crypto;

import java.security.Provider;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * X25519 for the JDK's TLS handshakes, computed by BouncyCastle's RFC 7748 code ({@link X25519KeyAgreement},
 * {@link X25519KeyPairGenerator}): on the benchmark machine it made about 8,800 key pairs with their agreements a second
 * on one core, the JDK's own field arithmetic about 3,400, and X25519 was a fifth of the MAF's CPU under registrations
 * (issue 12; ACCP 2.5 offers no XDH). It serves the JCA names the JDK's TLS asks for ({@code XDH}, as
 * {@code KeyPairGenerator} and {@code KeyAgreement}) and {@code X25519}; for X448 it refuses, and the JCA falls over to
 * the JDK's SunEC. Keys are the JDK's own (SunEC's key factory), so everything else sees the keys it always saw.
 */
final class X25519Provider extends Provider {

    static final String NAME = "OpenMAF-X25519";

    private static final Map<String, String> KEY_CLASSES = Map.of("SupportedKeyClasses",
            "java.security.interfaces.XECPublicKey|java.security.interfaces.XECPrivateKey");

    X25519Provider() {
        super(NAME, "1.0", "X25519 key pairs and agreement (RFC 7748) by BouncyCastle, with the JDK's key classes");
        putService(new Spi(this, "KeyPairGenerator", X25519KeyPairGenerator.class, X25519KeyPairGenerator::new, Map.of()));
        putService(new Spi(this, "KeyAgreement", X25519KeyAgreement.class, X25519KeyAgreement::new, KEY_CLASSES));
    }

    /** A service that constructs its SPI directly, not by reflection on a class name. */
    private static final class Spi extends Service {
        private final Supplier<Object> constructor;

        Spi(Provider provider, String type, Class<?> implementation, Supplier<Object> constructor,
                Map<String, String> attributes) {
            super(provider, type, "XDH", implementation.getName(), List.of("X25519"), attributes);
            this.constructor = constructor;
        }

        @Override
        public Object newInstance(Object constructorParameter) {
            return constructor.get();
        }
    }
}
