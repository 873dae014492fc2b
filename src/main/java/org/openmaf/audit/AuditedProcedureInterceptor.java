package org.openmaf.audit;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Runs a method marked {@link AuditedProcedure} as that procedure. Its priority puts it outside {@code @Transactional}
 * (PLATFORM_BEFORE + 200), so a refusal is recorded after the procedure's transaction has rolled back.
 */
@AuditedProcedure(Procedure.OTHER_MAF_REQUEST) // the value is @Nonbinding: this interceptor serves every procedure
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
class AuditedProcedureInterceptor {

    @Inject
    ProcedureAudit audit;

    @AroundInvoke
    Object run(InvocationContext context) throws Exception {
        AuditedProcedure procedure = context.getInterceptorBinding(AuditedProcedure.class);
        String actor = argument(context, AuditedProcedure.Actor.class);
        if (actor == null) {
            throw new IllegalStateException(context.getMethod() + " runs a procedure for no @Actor");
        }
        return audit.run(procedure.value(), actor, argument(context, AuditedProcedure.Addressed.class), context::proceed);
    }

    /**
     * Which parameter carries each marker, per method, found once: reflection copies the annotation arrays on every
     * call, and this runs on every procedure.
     */
    private static final Map<Method, Map<Class<? extends Annotation>, Integer>> POSITIONS = new ConcurrentHashMap<>();

    /** The String argument whose parameter carries {@code marker}, or null when none does. */
    private static String argument(InvocationContext context, Class<? extends Annotation> marker) {
        Integer position = POSITIONS.computeIfAbsent(context.getMethod(), AuditedProcedureInterceptor::positions).get(marker);
        return position == null ? null : (String) context.getParameters()[position];
    }

    private static Map<Class<? extends Annotation>, Integer> positions(Method method) {
        Map<Class<? extends Annotation>, Integer> positions = new HashMap<>();
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            for (Annotation annotation : annotations[i]) {
                positions.putIfAbsent(annotation.annotationType(), i);
            }
        }
        return Map.copyOf(positions);
    }
}
