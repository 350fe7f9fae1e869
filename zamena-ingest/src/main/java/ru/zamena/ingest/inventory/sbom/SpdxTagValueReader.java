package ru.zamena.ingest.inventory.sbom;

import ru.zamena.core.inventory.InventoryItem;
import ru.zamena.ingest.InputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Set;

/**
 * Reads the packages of an SPDX 2.3 tag-value document line by line. A package starts at
 * {@code PackageName:} and ends at the next package, file, snippet or licence section. Multi-line
 * {@code <text>...</text>} values are skipped whole, so text that looks like a tag inside them is not
 * taken for one. The position of an item is the line of its {@code PackageName:}.
 */
public final class SpdxTagValueReader extends StreamingSbomReader {
    /** Tags that start a section other than a package. */
    private static final Set<String> OTHER_SECTIONS = Set.of("FileName", "SnippetSPDXID", "LicenseID");

    private final BufferedReader in;
    private long lineNumber;
    private boolean started;
    private Block block; // the package being read, if any

    /** Reads tag-value text from {@code in} (already decoded); {@code fileName} is for messages. */
    public SpdxTagValueReader(Reader in, String fileName) {
        super(fileName);
        this.in = in instanceof BufferedReader b ? b : new BufferedReader(in);
    }

    @Override
    public String format() {
        return "spdx-tag-value";
    }

    private static final class Block {
        final long line;
        final String name;
        String version, supplier, purpose;
        final String[] refs = new String[2]; // purl, cpe

        Block(long line, String name) {
            this.line = line;
            this.name = name;
        }

        InventoryItem item() {
            return new InventoryItem(name, spdxValue(version), spdxSupplier(supplier), refs[0], refs[1], spdxType(purpose),
                    null, null, line);
        }
    }

    @Override
    boolean fill() throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) continue;
            int colon = stripped.indexOf(':');
            if (colon <= 0) throw new InputException(fileName, lineNumber, 1, "expected 'Tag: value', found '" + shorten(stripped) + "'");
            String tag = stripped.substring(0, colon).strip();
            String value = value(stripped.substring(colon + 1).strip());
            if (!started) {
                if (!tag.equals("SPDXVersion"))
                    throw new InputException(fileName, lineNumber, 1, "not an SPDX tag-value document: it must start with 'SPDXVersion:'");
                started = true;
                continue;
            }
            if (tag.equals("PackageName") || OTHER_SECTIONS.contains(tag)) {
                Block done = block;
                block = null;
                if (tag.equals("PackageName")) {
                    if (value.isBlank()) throw new InputException(fileName, lineNumber, 1, "a package has no name");
                    block = new Block(lineNumber, value);
                }
                if (done != null) {
                    pending.add(done.item());
                    return true;
                }
                continue;
            }
            if (block == null) continue;
            switch (tag) {
                case "PackageVersion" -> block.version = value;
                case "PackageSupplier" -> block.supplier = value;
                case "PrimaryPackagePurpose" -> block.purpose = value;
                case "ExternalRef" -> {
                    // "ExternalRef: PACKAGE-MANAGER purl pkg:maven/..." : category, type, locator
                    String[] parts = value.split("\\s+", 3);
                    if (parts.length == 3) addRef(block.refs, parts[1], parts[2]);
                }
                default -> { }
            }
        }
        if (!started) throw new InputException(fileName, 0, 0, "not an SPDX tag-value document: it is empty");
        if (block == null) return false;
        pending.add(block.item());
        block = null;
        return true;
    }

    /** A value, reading on to {@code </text>} when it is a multi-line text. */
    private String value(String first) throws IOException {
        if (!first.startsWith("<text>")) return first;
        long start = lineNumber;
        var text = new StringBuilder(first);
        while (text.indexOf("</text>") < 0) {
            String line = in.readLine();
            if (line == null) throw new InputException(fileName, start, 0, "unexpected end of file inside a <text> value that starts here");
            lineNumber++;
            if (text.length() < 4096) text.append('\n').append(line); // only short values matter; keep memory bounded
            else if (line.contains("</text>")) text.append("</text>");
        }
        String s = text.toString();
        return s.substring("<text>".length(), Math.max("<text>".length(), s.lastIndexOf("</text>"))).strip();
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** Keeps the first purl and the first CPE (2.3 or 2.2) of a package. */
    static void addRef(String[] refs, String type, String locator) {
        locator = blankToNull(locator);
        if (type == null || locator == null) return;
        if (type.equals("purl") && refs[0] == null) refs[0] = locator;
        else if ((type.equals("cpe23Type") || type.equals("cpe22Type")) && refs[1] == null) refs[1] = locator;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
