package ru.zamena.ingest.inventory.host;

import ru.zamena.core.inventory.InventoryItem;
import ru.zamena.ingest.InputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a package list captured on a Linux host, one package a line:
 * <ul>
 *   <li>{@code dpkg-query -W}: {@code name<TAB>version}, the name possibly {@code libc6:amd64};</li>
 *   <li>{@code dpkg-query -W -f '${Package} ${Version} ${Architecture}\n'}: space-separated;</li>
 *   <li>{@code rpm -qa}: {@code name-version-release.arch}; the arch is after the last dot (when that
 *       dot follows the last dash: {@code gpg-pubkey-...} has none), the release after the last dash,
 *       the version after the dash before it, so a name may itself hold dashes.</li>
 * </ul>
 * The shape is judged line by line. The version is given as the tools print it: Debian's full
 * version, rpm's {@code version-release} (as GLPI writes it). Blank lines and {@code #} comments are skipped.
 * {@link InventoryItem#position()} is the line number.
 */
public final class PackageListReader extends HostInventoryReader {
    static final Pattern DPKG_TAB = Pattern.compile("([^\\s]+)\\t([^\\t]*)(?:\\t([^\\t]*))?");
    static final Pattern DPKG_SPACE = Pattern.compile("(\\S+) +(\\S+)(?: +(\\S+))?");
    static final Pattern RPM = Pattern.compile("\\S+-[^-\\s]+-[^-\\s]+");
    static final String EXPECTED = "expected 'name<TAB>version' (dpkg-query -W), 'name version arch' or 'name-version-release.arch' (rpm -qa)";

    private final BufferedReader in;
    private long lineNo;

    /** Reads text from {@code in} (already decoded, see {@code TextDecoding}); {@code fileName} is for messages. */
    public PackageListReader(Reader in, String fileName) {
        super(fileName, HostInventoryReaders.Format.PACKAGE_LIST);
        this.in = in instanceof BufferedReader b ? b : new BufferedReader(in);
    }

    @Override
    InventoryItem read() throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            String t = clean(line);
            if (t.isBlank() || t.startsWith("#")) continue;
            InventoryItem item = parse(t, lineNo);
            if (item == null) throw new InputException(fileName, lineNo, 0, EXPECTED + ", found '" + shorten(t) + "'");
            return item;
        }
        return null;
    }

    /** One line as a package, or null when it has none of the known shapes. */
    static InventoryItem parse(String line, long position) {
        Matcher m;
        if ((m = DPKG_TAB.matcher(line)).matches() || (m = DPKG_SPACE.matcher(line)).matches()) {
            String name = m.group(1);
            String arch = blankToNull(m.group(3));
            int colon = name.indexOf(':');
            if (colon > 0) { // dpkg's ${binary:Package} for multi-arch packages: libc6:amd64
                if (arch == null) arch = blankToNull(name.substring(colon + 1));
                name = name.substring(0, colon);
            }
            return new InventoryItem(name, blankToNull(m.group(2)), null, null, null, "package", arch, null, position);
        }
        if (!RPM.matcher(line).matches()) return null;
        int lastDash = line.lastIndexOf('-');
        int lastDot = line.lastIndexOf('.');
        String arch = lastDot > lastDash ? line.substring(lastDot + 1) : null;
        String nvr = arch == null ? line : line.substring(0, lastDot);
        int releaseDash = nvr.lastIndexOf('-');
        int versionDash = nvr.lastIndexOf('-', releaseDash - 1);
        if (versionDash <= 0 || arch != null && arch.isEmpty()) return null;
        return new InventoryItem(nvr.substring(0, versionDash), nvr.substring(versionDash + 1), null, null, null,
                "package", arch, null, position);
    }

    /** Drops a stray BOM and trailing blanks, but not a trailing tab: "name<TAB>" is dpkg's line for a package without a version. */
    static String clean(String line) {
        return line.replace("\uFEFF", "").replaceAll("[ \r]+$", "");
    }

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
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
