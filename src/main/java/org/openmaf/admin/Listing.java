package org.openmaf.admin;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** One page of a listing, with what the caller needs to fetch the next one. */
public record Listing<T>(
        @Schema(description = "The entries of this page") List<T> items,
        @Schema(description = "This page's number, from 0") int page,
        @Schema(description = "At most this many entries per page") int size,
        @Schema(description = "How many entries match the filters in all") long total) {

    static <E, T> Listing<T> of(PanacheQuery<E> query, Paging paging, Function<E, T> view) {
        List<T> items = query.page(paging.panache()).list().stream().map(view).toList();
        return new Listing<>(items, paging.page(), paging.size(), query.count());
    }
}
