package org.openmaf.onem2m;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;

/**
 * Hands the check of request URIs from Quarkus to {@link WellFormedRequests}. Quarkus refuses a URI that
 * {@code java.net.URI} cannot parse (a malformed percent-encoding, a raw '|' or '{') with a bare 400 before any route
 * runs, so no route could give it the answer contract section 6 requires. {@link WellFormedRequests} applies the same
 * check, and more, and answers with an RSC and an {@code m2m:dbg} body.
 * <p>
 * Quarkus reads the switch, the system property {@value #SWITCH}, once, when its HTTP recorder class initializes. The
 * only application code that runs earlier is what static-init configuration loads, so the switch is set when this
 * (otherwise transparent) interceptor is loaded. An operator's own {@code -D} setting of the property wins.
 */
public class UriValidationHandover implements ConfigSourceInterceptor {

    static final String SWITCH = "vertx.disableURIValidation";

    static {
        if (System.getProperty(SWITCH) == null) {
            System.setProperty(SWITCH, "true");
        }
    }

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        return context.proceed(name);
    }
}
