package org.openmaf.admin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.panache.common.Parameters;

/** The where clause of a listing, built from the filters that were given; absent filters match everything. */
final class Filters {

    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    /** Adds {@code clause} (which names {@code :name}) when the value is present. */
    Filters where(String clause, String name, Object value) {
        if (value != null) {
            clauses.add(clause);
            parameters.put(name, value);
        }
        return this;
    }

    String query() {
        return clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses);
    }

    Parameters parameters() {
        Parameters result = new Parameters();
        parameters.forEach(result::and);
        return result;
    }
}
