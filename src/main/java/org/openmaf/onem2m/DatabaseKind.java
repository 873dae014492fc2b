package org.openmaf.onem2m;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which database serves the MAF: PostgreSQL in production, H2 in dev mode (README, "Dev mode"). The one-statement
 * writes, the reads along with the certificate check and the locks across instances are PostgreSQL's SQL; on H2 the
 * entities are written one by one, and a single process needs no advisory lock.
 */
@Singleton
public class DatabaseKind {

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    public boolean postgreSql() {
        return "postgresql".equals(dbKind);
    }
}
