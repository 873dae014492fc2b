/**
 * The wire vocabulary of the MAF interface, shared by the server and the client library: the names TS-0032 would fix,
 * the {@code m2m:timestamp} codec, the Key Identifier, the TLS exporter split, and the value types for client IDs and
 * FQDNs. Each rule lives here once, so the two sides cannot drift apart.
 *
 * <p>This package imports neither the server ({@code org.openmaf.*} other than this package) nor the client library,
 * and nothing beyond the JDK and Jackson: it ships inside the stand-alone client jar. {@code ClientIsolationTest}
 * enforces that on the compiled classes.
 */
package org.openmaf.wire;
