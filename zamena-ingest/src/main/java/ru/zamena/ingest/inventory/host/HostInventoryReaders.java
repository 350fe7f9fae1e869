package ru.zamena.ingest.inventory.host;

import ru.zamena.core.inventory.InventoryItem;
import ru.zamena.ingest.InputException;
import ru.zamena.ingest.io.TextDecoding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Opens a host inventory file with the reader its content calls for (the file name is not trusted). */
public final class HostInventoryReaders {
    public enum Format {
        GLPI_JSON, OCS_XML, WINDOWS_REG, OSQUERY_JSON, PACKAGE_LIST;

        /** The id {@link HostInventoryReader#format()} gives: glpi-json, ocs-xml, windows-reg, osquery-json, package-list. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public static final String SUPPORTED = "supported: GLPI agent inventory (JSON), OCS Inventory / FusionInventory (XML),"
            + " Windows registry export of the Uninstall keys (.reg), osquery JSON of programs, deb_packages or rpm_packages,"
            + " 'dpkg-query -W' or 'rpm -qa' output";
    private static final int HEAD = 8192;
    private static final Pattern XML_ROOT = Pattern.compile("<([A-Za-z_][\\w.:-]*)");

    private HostInventoryReaders() {}

    /**
     * Opens {@code file}, its encoding decided by {@link TextDecoding} and its format by its first
     * characters. Throws {@link InputException} when the file is missing, undecodable or of no known format.
     */
    public static HostInventoryReader open(Path file) {
        String name = String.valueOf(file.getFileName());
        BufferedReader in = null;
        try {
            in = new BufferedReader(TextDecoding.open(file).reader(), 1 << 16);
            Format format = detect(peek(in));
            if (format == null) throw new InputException(name, 0, 0, "not a recognised inventory format; " + SUPPORTED);
            return open(in, name, format);
        } catch (IOException e) {
            closeQuietly(in);
            if (e instanceof NoSuchFileException) throw new InputException(name, 0, 0, "file not found", e);
            throw HostInventoryReader.fileProblem(name, 0, e);
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
    }

    /** A reader of {@code format} over text already decoded. */
    public static HostInventoryReader open(Reader in, String fileName, Format format) throws IOException {
        return switch (format) {
            case GLPI_JSON -> new GlpiInventoryReader(in, fileName);
            case OCS_XML -> new OcsInventoryReader(in, fileName);
            case WINDOWS_REG -> new RegUninstallReader(in, fileName);
            case OSQUERY_JSON -> new OsqueryReader(in, fileName);
            case PACKAGE_LIST -> new PackageListReader(in, fileName);
        };
    }

    /** The format the start of a file shows, or null when it is none of ours. */
    public static Format detect(String head) {
        if (head.indexOf('\u0000') >= 0) return null; // binary, or UTF-16 without a BOM
        String s = head.replace("\uFEFF", "").stripLeading();
        if (s.startsWith("{")) return Format.GLPI_JSON; // the reader insists on a "content" object
        if (s.startsWith("[")) {
            String inside = s.substring(1).stripLeading();
            return inside.startsWith("{") || inside.startsWith("]") ? Format.OSQUERY_JSON : null;
        }
        if (s.startsWith("<")) {
            // The first element after the declaration and comments is the root.
            Matcher m = XML_ROOT.matcher(s.replaceAll("(?s)<\\?.*?\\?>|<!--.*?-->", ""));
            return m.find() && m.group(1).equals("REQUEST") ? Format.OCS_XML : null;
        }
        String first = s.lines().findFirst().orElse("").strip();
        if (first.equals(RegUninstallReader.HEADER_5) || first.equals(RegUninstallReader.HEADER_4)) return Format.WINDOWS_REG;
        // A package list: the first package line has a known shape and a version that starts with a digit, as both tools require.
        String line = s.lines().map(PackageListReader::clean).filter(l -> !l.isBlank() && !l.startsWith("#")).findFirst().orElse(null);
        InventoryItem item = line == null ? null : PackageListReader.parse(line, 1);
        return item != null && item.version() != null && Character.isDigit(item.version().charAt(0)) ? Format.PACKAGE_LIST : null;
    }

    private static String peek(BufferedReader in) throws IOException {
        in.mark(HEAD);
        char[] buf = new char[HEAD];
        int n = 0;
        for (int r; n < HEAD && (r = in.read(buf, n, HEAD - n)) > 0; ) n += r;
        in.reset();
        return new String(buf, 0, n);
    }

    private static void closeQuietly(Reader in) {
        if (in == null) return;
        try {
            in.close();
        } catch (IOException ignored) {
            // the open failed already; that is what the user needs to hear
        }
    }
}
