package ru.zamena.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Opaque page cursors. A cursor carries the position after the last item of a page plus a short
 * fingerprint of the query it belongs to, so a cursor replayed with other filters is refused
 * (400) rather than silently returning a wrong page. Clients must not parse cursors: the format
 * may change (e.g. products from offset to keyset) without changing the API.
 */
final class Cursor {
    // NUL cannot occur in PostgreSQL text, so it safely separates the fields.
    private static final String SEP = "\u0000";
    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getUrlDecoder();

    private Cursor() {}

    /** A short hash of the parameters that define a result list. */
    static String fingerprint(String list, Object... params) {
        try {
            var md = MessageDigest.getInstance("SHA-256");
            md.update(list.getBytes(StandardCharsets.UTF_8));
            for (Object p : params) md.update((SEP + Objects.toString(p, "")).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String encode(String fingerprint, String... position) {
        String raw = "1" + SEP + fingerprint + SEP + String.join(SEP, position);
        return ENC.encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The position fields of a cursor, or null for no cursor (first page). */
    static List<String> decode(String cursor, String fingerprint, int fields) {
        if (cursor == null || cursor.isBlank()) return null;
        String[] parts;
        try {
            parts = new String(DEC.decode(cursor.strip()), StandardCharsets.UTF_8).split(SEP, -1);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (parts.length != fields + 2 || !parts[0].equals("1")) throw invalid();
        if (!parts[1].equals(fingerprint))
            throw ApiException.badParameter("cursor", "the cursor belongs to a different query; repeat the query parameters of the first page");
        return Arrays.asList(parts).subList(2, parts.length);
    }

    /** An offset cursor: the index of the first item of the next page. */
    static int offset(String cursor, String fingerprint) {
        List<String> pos = decode(cursor, fingerprint, 1);
        if (pos == null) return 0;
        try {
            int offset = Integer.parseInt(pos.getFirst());
            if (offset >= 0) return offset;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw invalid();
    }

    private static ApiException invalid() {
        return ApiException.badParameter("cursor", "the cursor is not valid; use next_cursor from a previous page as it was returned");
    }
}
