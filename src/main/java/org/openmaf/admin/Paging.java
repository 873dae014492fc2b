package org.openmaf.admin;

import org.openmaf.onem2m.MafException;

import io.quarkus.panache.common.Page;

/** Which slice of a listing to return: {@code page} counts from 0, {@code size} is capped so no listing is unbounded. */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    /** From the query parameters as sent; absent ones take their defaults. */
    public static Paging of(String page, String size) {
        int pageNumber = page == null ? 0 : number(page, "page");
        int pageSize = size == null ? DEFAULT_SIZE : number(size, "size");
        if (pageNumber < 0) {
            throw MafException.badRequest("page counts from 0; it cannot be negative.");
        }
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            throw MafException.badRequest("size must be between 1 and " + MAX_SIZE + ".");
        }
        return new Paging(pageNumber, pageSize);
    }

    Page panache() {
        return Page.of(page, size);
    }

    private static int number(String text, String name) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw MafException.badRequest(name + " must be a whole number.");
        }
    }
}
