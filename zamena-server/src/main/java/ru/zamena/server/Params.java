package ru.zamena.server;

import io.javalin.http.Context;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads query parameters and refuses bad ones with a 400 that names the parameter. */
final class Params {
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
    static final int MAX_TEXT = 200;

    private Params() {}

    /** A text parameter, stripped; null when absent or blank. */
    static String text(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return null;
        v = v.strip();
        if (v.length() > MAX_TEXT) throw ApiException.badParameter(name, name + " must be at most " + MAX_TEXT + " characters");
        return v;
    }

    static int limit(Context ctx, int dflt, int max) {
        String v = ctx.queryParam("limit");
        if (v == null || v.isBlank()) return dflt;
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= 1 && n <= max) return n;
        } catch (NumberFormatException ignored) {
            // falls through to the same message as an out-of-range number
        }
        throw ApiException.badParameter("limit", "limit must be a whole number from 1 to " + max + ", got '" + v + "'");
    }

    /** ISO 3166-1 alpha-2, returned upper case. */
    static String country(Context ctx) {
        String v = text(ctx, "country");
        if (v == null) return null;
        if (!COUNTRY.matcher(v).matches())
            throw ApiException.badParameter("country", "country must be an ISO 3166-1 alpha-2 code such as RU or US, got '" + v + "'");
        return v.toUpperCase(Locale.ROOT);
    }

    /** An enumeration given in lower case ("open_source"); null when absent. */
    static <E extends Enum<E>> E enumeration(Context ctx, String name, Class<E> type) {
        String v = text(ctx, name);
        if (v == null) return null;
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter(name, name + " must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Dto::lower).collect(Collectors.joining(", ")) + ", got '" + v + "'");
        }
    }
}
