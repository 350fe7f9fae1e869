package ru.zamena.ingest.inventory.table;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import ru.zamena.ingest.InputException;
import ru.zamena.ingest.inventory.InventoryReaders;
import ru.zamena.ingest.io.SafeXml;
import ru.zamena.ingest.io.XmlInput;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import static javax.xml.stream.XMLStreamConstants.END_DOCUMENT;
import static javax.xml.stream.XMLStreamConstants.END_ELEMENT;
import static javax.xml.stream.XMLStreamConstants.START_ELEMENT;

/**
 * An XLSX inventory, streamed: POI's {@link XSSFReader} opens the package and the shared strings, and each
 * sheet is pulled row by row with the project's hardened StAX parser (no DOCTYPE, no entities), so only
 * one row is in memory besides the shared strings. Reads the first sheet whose header row has a name column
 * (as the mapping says, or recognised), so a title or summary sheet before the table is passed over. {@link ru.zamena.core.inventory.InventoryItem#position()} is the row
 * number as Excel shows it.
 *
 * <p>Zip bombs: before POI sees the file, the ZIP directory is checked (entry count, entry paths such as
 * {@code ../x}, declared sizes); while reading, every byte inflated is counted against {@link Limits}, and
 * POI's own ratio check ({@code ZipSecureFile}, compressed : inflated at least 1 : 100) still applies.
 */
final class XlsxInventoryReader extends TableInventoryReader {
    /** How much a workbook may unpack to. */
    record Limits(long maxInflatedBytes, long maxSharedStringsBytes, int maxEntries) {
        static final Limits DEFAULT = new Limits(1L << 30, 64L << 20, 10_000);
    }

    private static final int MAX_COLUMNS = 16_384; // XFD, Excel's last column

    private final OPCPackage pkg;
    private final XSSFReader.SheetIterator sheets;
    private final ReadOnlySharedStringsTable strings;
    private final Inflated inflated;
    private String sheetLabel;
    private XmlInput sheet;
    private XMLStreamReader xml;
    private long lastRow;

    private XlsxInventoryReader(String fileName, Map<String, String> mapping, OPCPackage pkg, XSSFReader.SheetIterator sheets,
                                ReadOnlySharedStringsTable strings, Inflated inflated) {
        super(fileName, mapping);
        this.pkg = pkg;
        this.sheets = sheets;
        this.strings = strings;
        this.inflated = inflated;
    }

    static XlsxInventoryReader open(Path file, String name, Map<String, String> mapping, Limits limits) {
        checkDirectory(file, name, limits);
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            XSSFReader reader = new XSSFReader(pkg);
            Inflated inflated = new Inflated(limits.maxInflatedBytes());
            ReadOnlySharedStringsTable strings = sharedStrings(reader, inflated, limits);
            return new XlsxInventoryReader(name, mapping, pkg, (XSSFReader.SheetIterator) reader.getSheetsData(), strings, inflated);
        } catch (InputException e) {
            closeQuietly(pkg);
            throw e;
        } catch (Exception e) { // POI throws checked and unchecked exceptions of many kinds for damaged packages
            closeQuietly(pkg);
            throw workbookProblem(name, "", e);
        }
    }

    @Override
    public String format() {
        return "xlsx";
    }

    /** The first sheet whose header row has a name column (by the mapping, or recognised). */
    @Override
    Columns header() {
        InputException firstRefusal = null;
        while (nextSheet()) {
            Row header = nextNonBlank();
            if (header == null) continue;
            try {
                return decide(header);
            } catch (InputException e) {
                if (firstRefusal == null) firstRefusal = e;
            }
        }
        if (firstRefusal != null) throw firstRefusal;
        throw new InputException(fileName, 0, 0, "the workbook has no sheet with a header row (it is empty)");
    }

    /** Opens the next sheet; false when there is none. */
    private boolean nextSheet() {
        closeSheet();
        try {
            if (!sheets.hasNext()) return false;
            InputStream in = inflated.count(sheets.next(), "the sheet");
            sheetLabel = fileName + ", sheet '" + sheets.getSheetName() + "'";
            sheet = new XmlInput(new InputStreamReader(in, StandardCharsets.UTF_8), sheetLabel);
            xml = sheet.open();
            lastRow = 0;
            return true;
        } catch (XMLStreamException e) {
            throw sheetProblem(e);
        } catch (InputException e) {
            throw e;
        } catch (Exception e) {
            throw workbookProblem(fileName, "", e);
        }
    }

    @Override
    Row readRow() {
        if (xml == null) return null;
        try {
            while (true) {
                int event = sheet.next();
                if (event == END_DOCUMENT) return null;
                if (event == START_ELEMENT && xml.getLocalName().equals("row")) return row();
            }
        } catch (XMLStreamException e) {
            throw sheetProblem(e);
        }
    }

    /** The {@code <row>} the parser is at, its cells placed by their references (empty cells are left out of the XML). */
    private Row row() throws XMLStreamException {
        long number = number(xml.getAttributeValue(null, "r"), lastRow + 1);
        lastRow = number;
        List<String> cells = new ArrayList<>();
        int depth = sheet.depth();
        while (true) {
            int event = sheet.next();
            if (event == END_ELEMENT && sheet.depth() < depth) return new Row(cells, number);
            if (event != START_ELEMENT || !xml.getLocalName().equals("c")) continue;
            int column = column(xml.getAttributeValue(null, "r"), cells.size(), number);
            String value = cell(xml.getAttributeValue(null, "t"), number);
            while (cells.size() <= column) cells.add(null);
            cells.set(column, value);
        }
    }

    /** The value of the {@code <c>} the parser is at, as text; its end tag is consumed. */
    private String cell(String type, long row) throws XMLStreamException {
        String value = null;
        int depth = sheet.depth();
        while (true) {
            int event = sheet.next();
            if (event == END_ELEMENT && sheet.depth() < depth) break;
            if (event != START_ELEMENT) continue;
            String element = xml.getLocalName();
            if (element.equals("v") || element.equals("is")) value = sheet.text();
            else sheet.skip(); // formulas <f> and extensions
        }
        if (value == null) return null;
        return switch (type == null ? "n" : type) {
            case "s" -> sharedString(value, row);
            case "b" -> value.strip().equals("1") ? "TRUE" : "FALSE";
            case "n" -> number(value);
            default -> value; // inlineStr, str (formula text), e (an error like #N/A)
        };
    }

    private String sharedString(String index, long row) {
        try {
            return strings.getItemAt(Integer.parseInt(index.strip())).getString();
        } catch (RuntimeException e) {
            throw new InputException(sheetLabel, row, 0, "a cell refers to shared string " + index.strip() + ", which the workbook does not have");
        }
    }

    /** A number cell as Excel shows it in the General format: 25 rather than 25.0. */
    private static String number(String raw) {
        try {
            return NumberToTextConverter.toText(Double.parseDouble(raw.strip()));
        } catch (NumberFormatException e) {
            return raw;
        }
    }

    /** The row number from {@code r="17"}, or the next one when the attribute is left out (it may be). */
    private long number(String r, long next) {
        if (r == null || !r.strip().matches("[0-9]{1,7}")) return next;
        return Long.parseLong(r.strip());
    }

    /** The 0-based column from a reference such as {@code "C17"}, or the next one when left out. */
    private int column(String ref, int next, long row) {
        if (ref == null) return next;
        int end = 0;
        while (end < ref.length() && Character.isLetter(ref.charAt(end))) end++;
        int column = end == 0 || end > 3 ? next : Columns.letterIndex(ref.substring(0, end));
        if (column < 0 || column >= MAX_COLUMNS) throw new InputException(sheetLabel, row, 0, "a cell reference '" + ref + "' beyond Excel's last column XFD");
        return column;
    }

    @Override
    InputException at(Row row, String reason) {
        return new InputException(sheetLabel, row.position(), 0, reason);
    }

    @Override
    boolean extraCellsAreAProblem() {
        return false; // cells right of the header are notes, not a broken row
    }

    private InputException sheetProblem(XMLStreamException e) {
        IOException io = XmlInput.ioCause(e);
        if (io != null) return workbookProblem(fileName, " (" + sheetLabel + ")", io);
        return sheet.problem(e, "inside the sheet", null);
    }

    /** A problem with the package as a whole, in words for the user. */
    static InputException workbookProblem(String fileName, String where, Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof InputException ie) return ie;
            String m = String.valueOf(c.getMessage());
            if (c instanceof TooLarge || m.contains("Zip bomb")) {
                return new InputException(fileName, 0, 0, "the workbook unpacks to far more than the file holds (a zip bomb?)" + where
                        + "; refused" + (c instanceof TooLarge ? ": " + m : ""), e);
            }
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("").strip();
        if (m.contains("DOCTYPE")) m = SafeXml.DOCTYPE_REFUSED; // POI's parsers refuse it too, in their own words
        return new InputException(fileName, 0, 0, "not a readable XLSX workbook" + where + ": " + m, e);
    }

    private static ReadOnlySharedStringsTable sharedStrings(XSSFReader reader, Inflated inflated, Limits limits) throws Exception {
        InputStream data;
        try {
            data = reader.getSharedStringsData();
        } catch (Exception e) {
            data = null; // a workbook with inline strings only has no shared strings part
        }
        if (data == null) return new ReadOnlySharedStringsTable(InputStream.nullInputStream());
        try (InputStream in = new Bounded(inflated.count(data, "the shared strings"), limits.maxSharedStringsBytes(), "the shared strings")) {
            return new ReadOnlySharedStringsTable(in);
        }
    }

    /**
     * Checks the ZIP directory before POI opens the package: a sane number of entries, no entry that could
     * be written outside a folder if someone unpacked it ({@code ../}, absolute paths), declared sizes within
     * the limit, and the workbook part that makes a ZIP an XLSX.
     */
    private static void checkDirectory(Path file, String name, Limits limits) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            long declared = 0;
            int count = 0;
            boolean workbook = false, word = false;
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                ZipEntry entry = en.nextElement();
                String path = entry.getName();
                if (++count > limits.maxEntries())
                    throw new InputException(name, 0, 0, "the archive holds more than " + limits.maxEntries() + " entries; not a workbook");
                if (path.startsWith("/") || path.startsWith("\\") || path.contains("..") || path.matches("^[A-Za-z]:.*"))
                    throw new InputException(name, 0, 0, "the archive holds an entry with an unsafe path '" + path + "'; refused");
                if (entry.getSize() > 0) declared += entry.getSize();
                if (declared > limits.maxInflatedBytes())
                    throw new InputException(name, 0, 0, "the workbook says it unpacks to more than " + size(limits.maxInflatedBytes())
                            + " (entry '" + path + "'; a zip bomb?); refused");
                workbook |= path.equals("xl/workbook.xml") || path.matches("xl/workbook\\d*\\.xml");
                word |= path.startsWith("word/");
            }
            if (!workbook) {
                throw new InputException(name, 0, 0, (word ? "a Word document" : "a ZIP archive") + " that is not an Excel workbook"
                        + " (no xl/workbook.xml); " + InventoryReaders.SUPPORTED);
            }
        } catch (ZipException e) {
            throw new InputException(name, 0, 0, "a damaged ZIP archive (not a readable XLSX workbook): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InputException(name, 0, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    static String size(long bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MB" : bytes + " bytes";
    }

    private void closeSheet() {
        if (sheet == null) return;
        try {
            sheet.close();
        } catch (IOException ignored) {
            // read-only; nothing to lose
        }
        sheet = null;
        xml = null;
    }

    @Override
    public void close() {
        closeSheet();
        closeQuietly(pkg);
    }

    private static void closeQuietly(OPCPackage pkg) {
        if (pkg != null) pkg.revert(); // read-only: revert closes without writing anything back
    }

    /** Inflated bytes over the whole workbook, against its limit. */
    private static final class Inflated {
        private final long limit;
        private long total;

        Inflated(long limit) {
            this.limit = limit;
        }

        InputStream count(InputStream in, String part) {
            return new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) add(1, part);
                    return b;
                }

                @Override
                public int read(byte[] buf, int off, int len) throws IOException {
                    int n = super.read(buf, off, len);
                    if (n > 0) add(n, part);
                    return n;
                }
            };
        }

        private void add(long n, String part) throws TooLarge {
            total += n;
            if (total > limit) throw new TooLarge("more than " + size(limit) + " inflated, in " + part);
        }
    }

    /** A part of the workbook that may inflate to at most {@code limit} bytes on its own. */
    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private final String part;
        private long read;

        Bounded(InputStream in, long limit, String part) {
            super(in);
            this.limit = limit;
            this.part = part;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++read > limit) throw new TooLarge(part + " take more than " + size(limit));
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0 && (read += n) > limit) throw new TooLarge(part + " take more than " + size(limit));
            return n;
        }
    }

    private static final class TooLarge extends IOException {
        TooLarge(String message) {
            super(message);
        }
    }
}
