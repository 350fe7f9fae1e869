package ru.zamena.ingest.inventory.host;

import ru.zamena.core.inventory.InventoryItem;
import ru.zamena.ingest.InputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the installed programs out of a Windows registry export ({@code .reg}: "Windows Registry
 * Editor Version 5.00", UTF-16LE, or "REGEDIT4", ANSI), i.e. the keys directly under
 * {@code ...\Microsoft\Windows\CurrentVersion\Uninstall\} (also under {@code WOW6432Node} and in
 * HKEY_CURRENT_USER / HKEY_USERS), the way "Programs and Features" lists them: keys without
 * {@code DisplayName} and keys with {@code "SystemComponent"=dword:00000001} are skipped.
 *
 * <p>Only string values ({@code "..."}) and the {@code SystemComponent} dword are read; hex values
 * and their continuation lines are passed over. One key is held at a time.
 * A key under {@code WOW6432Node} is a 32-bit program, so its arch is "x86"; other keys say nothing.
 * {@link InventoryItem#position()} is the line of the key's {@code [...]} header. A .reg names no host.
 */
public final class RegUninstallReader extends HostInventoryReader {
    static final String HEADER_5 = "Windows Registry Editor Version 5.00";
    static final String HEADER_4 = "REGEDIT4";
    private static final Pattern UNINSTALL_KEY =
            Pattern.compile("\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\Uninstall\\\\[^\\\\]+$", Pattern.CASE_INSENSITIVE);

    private final BufferedReader in;
    private long lineNo;
    private boolean started;
    private boolean ended;
    // The key being read: null when outside any Uninstall entry.
    private String key;
    private long keyLine;
    private String displayName;
    private String publisher;
    private String displayVersion;
    private boolean systemComponent;

    /** Reads .reg text from {@code in} (already decoded, see {@code TextDecoding}); {@code fileName} is for messages. */
    public RegUninstallReader(Reader in, String fileName) {
        super(fileName, HostInventoryReaders.Format.WINDOWS_REG);
        this.in = in instanceof BufferedReader b ? b : new BufferedReader(in);
    }

    @Override
    InventoryItem read() throws IOException {
        if (!started) {
            started = true;
            String first = nextLine();
            String header = first == null ? "" : first.replace("\uFEFF", "").strip();
            if (!header.equals(HEADER_5) && !header.equals(HEADER_4))
                throw new InputException(fileName, 1, 0, "not a registry export: expected the first line \"" + HEADER_5 + "\" or \"" + HEADER_4 + "\"");
        }
        while (!ended) {
            String line = nextLine();
            if (line == null) {
                ended = true;
                return finishKey();
            }
            String t = line.strip();
            if (t.startsWith("[")) {
                InventoryItem item = finishKey();
                startKey(t);
                if (item != null) return item;
            } else if (key != null && t.startsWith("\"")) {
                value(t);
            }
        }
        return null;
    }

    private void startKey(String header) {
        key = null;
        // "[-HKEY...]" deletes a key; "[HKEY...]" may be followed by a comment.
        int close = header.lastIndexOf(']');
        if (header.startsWith("[-") || close < 0) return;
        String path = header.substring(1, close);
        if (!UNINSTALL_KEY.matcher(path).find()) return;
        key = path;
        keyLine = lineNo;
        displayName = publisher = displayVersion = null;
        systemComponent = false;
    }

    /** The program the current key describes, or null when it is not one to list. */
    private InventoryItem finishKey() {
        if (key == null || displayName == null || systemComponent) return null;
        String arch = key.toLowerCase(Locale.ROOT).contains("\\wow6432node\\") ? "x86" : null;
        return new InventoryItem(displayName, displayVersion, publisher, null, null, "application", arch, null, keyLine);
    }

    /** One {@code "Name"=value} line of the current key. */
    private void value(String line) throws IOException {
        int[] end = new int[1];
        String name = quoted(line, 0, end);
        if (name == null || end[0] >= line.length() || line.charAt(end[0]) != '=') return;
        String raw = line.substring(end[0] + 1).strip();
        if (raw.startsWith("\"")) {
            String value = quoted(raw, 0, end);
            if (value == null) return; // unterminated: not a value we can trust
            switch (name.toLowerCase(Locale.ROOT)) {
                case "displayname" -> displayName = blankToNull(value);
                case "publisher" -> publisher = blankToNull(value);
                case "displayversion" -> displayVersion = blankToNull(value);
                default -> { }
            }
        } else if (raw.regionMatches(true, 0, "dword:", 0, 6)) {
            if (name.equalsIgnoreCase("SystemComponent")) systemComponent = dword(raw.substring(6)) == 1;
        } else if (raw.endsWith("\\")) {
            skipContinuation(); // hex(...) values wrap with a trailing backslash
        }
    }

    /** The string in double quotes starting at {@code from}, with \\ and \" unescaped; null if unterminated. */
    private static String quoted(String s, int from, int[] end) {
        if (from >= s.length() || s.charAt(from) != '"') return null;
        var sb = new StringBuilder();
        for (int i = from + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                sb.append(s.charAt(++i));
            } else if (c == '"') {
                end[0] = i + 1;
                return sb.toString();
            } else {
                sb.append(c);
            }
        }
        return null;
    }

    private static long dword(String hex) {
        try {
            return Long.parseLong(hex.strip(), 16);
        } catch (NumberFormatException e) {
            return -1; // not a dword after all: ignore it
        }
    }

    /** Passes over the continuation lines of a wrapped hex value. */
    private void skipContinuation() throws IOException {
        String line;
        do {
            line = nextLine();
        } while (line != null && line.strip().endsWith("\\"));
    }

    private String nextLine() throws IOException {
        String line = in.readLine();
        if (line != null) lineNo++;
        return line;
    }

    @Override
    long line() {
        return lineNo;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
