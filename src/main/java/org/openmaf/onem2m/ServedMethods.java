package org.openmaf.onem2m;

import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Contract section 6: a method the MAF does not serve is 405 / 4005 with an {@code m2m:dbg} body on every /maf path.
 * Without this, JAX-RS answers OPTIONS itself (200, an Allow header, no body, no RSC).
 */
public class ServedMethods {

    static final Set<String> SERVED = Set.of("GET", "HEAD", "POST", "PUT", "DELETE");

    @ServerRequestFilter(preMatching = true)
    public void refuseUnserved(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (WellFormedRequests.isMafPath(path) && !SERVED.contains(request.getMethod())) {
            throw new MafException(Rsc.OPERATION_NOT_ALLOWED, "This method is not allowed on " + path
                    + "; MAF resources are served with GET, POST, PUT and DELETE.");
        }
    }
}
