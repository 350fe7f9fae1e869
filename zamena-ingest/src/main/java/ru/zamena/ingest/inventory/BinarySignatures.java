package ru.zamena.ingest.inventory;

import ru.zamena.ingest.InputException;

import java.nio.charset.StandardCharsets;

/**
 * Tells binary files from text: by the signature of common file types, so a user hears "this is a
 * PNG image" rather than a parser's complaint, and by control characters, which no inventory text has.
 */
final class BinarySignatures {
    private BinarySignatures() {}

    /** A ZIP archive (XLSX is one): "PK\3\4", or "PK\5\6" for an empty archive. */
    static boolean isZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && (b[2] == 3 && b[3] == 4 || b[2] == 5 && b[3] == 6);
    }

    /** What the first bytes say the file is, or null when they are no known binary signature. */
    static String describe(byte[] b) {
        if (starts(b, 0x89, 'P', 'N', 'G')) return "a PNG image";
        if (starts(b, 0xFF, 0xD8, 0xFF)) return "a JPEG image";
        if (starts(b, 'G', 'I', 'F', '8')) return "a GIF image";
        if (starts(b, '%', 'P', 'D', 'F')) return "a PDF document";
        if (starts(b, 0x1F, 0x8B)) return "a gzip archive (unpack it first)";
        if (starts(b, 'B', 'Z', 'h')) return "a bzip2 archive (unpack it first)";
        if (starts(b, 0xFD, '7', 'z', 'X', 'Z')) return "an xz archive (unpack it first)";
        if (starts(b, '7', 'z', 0xBC, 0xAF)) return "a 7-Zip archive (unpack it first)";
        if (starts(b, 'R', 'a', 'r', '!')) return "a RAR archive (unpack it first)";
        if (starts(b, 0xD0, 0xCF, 0x11, 0xE0)) return "an old binary Office file (.xls/.doc); save it as .xlsx or .csv";
        if (starts(b, 0x7F, 'E', 'L', 'F')) return "a Linux executable";
        if (starts(b, 'M', 'Z')) return "a Windows executable";
        if (new String(b, 0, Math.min(b.length, 6), StandardCharsets.ISO_8859_1).equals("SQLite")) return "an SQLite database";
        return null;
    }

    /**
     * Refuses a text whose start holds NUL or other control characters (tab, line breaks and form
     * feed aside): random bytes decode as CP1251 without error, so only this tells them from text.
     */
    static void refuseControlCharacters(String head, String fileName, String supported) {
        long line = 1, column = 0;
        for (int i = 0; i < head.length(); i++) {
            char c = head.charAt(i);
            column++;
            if (c == '\n') { line++; column = 0; continue; }
            if (c < 0x20 && c != '\t' && c != '\r' && c != '\f' || c == 0x7F) {
                String what = c == 0 ? "a NUL byte (a binary file, or UTF-16 text without a byte order mark)" : "a control character";
                throw new InputException(fileName, line, column, "binary data, not text: " + what + "; " + supported);
            }
        }
    }

    private static boolean starts(byte[] b, int... signature) {
        if (b.length < signature.length) return false;
        for (int i = 0; i < signature.length; i++) if ((b[i] & 0xFF) != signature[i]) return false;
        return true;
    }
}
