package org.openmaf.tls;

/** A TLS handshake the MAF refused because of the client's certificate; {@code sourceAddress} is the peer's IP address. */
public record HandshakeRefusal(String sourceAddress, String reason) {
}
