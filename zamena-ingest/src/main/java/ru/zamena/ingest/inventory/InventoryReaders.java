package ru.zamena.ingest.inventory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import ru.zamena.ingest.InputException;
import ru.zamena.ingest.inventory.host.HostInventoryReader;
import ru.zamena.ingest.inventory.host.HostInventoryReaders;
import ru.zamena.ingest.inventory.host.Json;
import ru.zamena.ingest.inventory.sbom.SbomReader;
import ru.zamena.ingest.inventory.table.TableReaders;
import ru.zamena.ingest.io.JsonInput;
import ru.zamena.ingest.io.TextDecoding;
import ru.zamena.ingest.io.XmlInput;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one way to open an inventory file of any supported kind. The format is told from the content,
 * never from the file name (users rename files, and exports come with whatever extension a tool chose):
 * <ol>
 *   <li>ZIP bytes → an XLSX workbook; other known binary signatures (PNG, PDF, gzip...) are refused by name;</li>
 *   <li>the text is decoded ({@link TextDecoding}) and a text with control characters is refused as binary;</li>
 *   <li>a JSON object → CycloneDX, SPDX or GLPI by its top-level keys; a JSON array → osquery;</li>
 *   <li>XML → CycloneDX ({@code <bom>}) or OCS Inventory / FusionInventory ({@code <REQUEST>}) by its root;</li>
 *   <li>{@code SPDXVersion:} → SPDX tag-value; a {@code .reg} header → Windows registry export;</li>
 *   <li>a header row with a known name column (or any delimited text when a column mapping is given) → CSV;</li>
 *   <li>package lines → {@code dpkg-query -W} / {@code rpm -qa} output; a delimited header row → CSV.</li>
 * </ol>
 * Anything else is an {@link InputException} that lists the supported formats.
 */
public final class InventoryReaders {
    public static final String SUPPORTED = "supported formats: CycloneDX 1.2-1.6 (JSON or XML), SPDX 2.3 (JSON or tag-value),"
            + " GLPI agent inventory (JSON), OCS Inventory / FusionInventory (XML), Windows registry export of the Uninstall keys (.reg),"
            + " osquery JSON, 'dpkg-query -W' or 'rpm -qa' output, CSV with a header row, XLSX";
    /** How much of the text is looked at to decide the format. */
    private static final int HEAD = 8192;

    private InventoryReaders() {}

    /** Opens {@code file} in the format its content shows; the caller closes the reader. */
    public static InventoryReader open(Path file) {
        return open(file, null);
    }

    /**
     * Opens {@code file} in the format its content shows; the caller closes the reader.
     *
     * @param columns for CSV and XLSX: which column holds what (keys {@code name}, {@code publisher},
     *                {@code version}, {@code host}, {@code quantity}; values are header names, column
     *                letters or 1-based numbers). Null or empty: recognised from the header row.
     * @throws InputException when the file is missing, unreadable or of no supported format
     */
    public static InventoryReader open(Path file, Map<String, String> columns) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        Map<String, String> mapping = columns == null ? Map.of() : columns;
        byte[] magic = magic(file, name);
        if (magic.length == 0) throw new InputException(name, 0, 0, "the file is empty; " + SUPPORTED);
        if (BinarySignatures.isZip(magic)) return TableReaders.openXlsx(file, name, mapping);
        String binary = BinarySignatures.describe(magic);
        if (binary != null) throw new InputException(name, 0, 0, "this is " + binary + ", not an inventory; " + SUPPORTED);

        Head head = Head.read(file, name);
        String text = head.text();
        if (text.isBlank()) throw new InputException(name, 0, 0, "the file is blank; " + SUPPORTED);
        char first = text.charAt(0);
        if (first == '{') return jsonObject(file, name);
        if (first == '<') return xml(file, name);
        if (first == '[') return host(file, name, text);
        if (text.startsWith("SPDXVersion:")) return SbomReader.open(file);
        if (TableReaders.isTable(text, mapping)) return TableReaders.openCsv(file, name, mapping);
        if (HostInventoryReaders.detect(text) != null) return HostInventoryReaders.open(file);
        if (TableReaders.isDelimited(text)) return TableReaders.openCsv(file, name, mapping);
        throw new InputException(name, 1, 1, "not a recognised inventory format; " + SUPPORTED);
    }

    private static InventoryReader host(Path file, String name, String head) {
        if (HostInventoryReaders.detect(head) == null)
            throw new InputException(name, 1, 1, "a JSON array that is not an osquery result (expected [{\"name\": ...}, ...]); " + SUPPORTED);
        return HostInventoryReaders.open(file);
    }

    /** Decides among the JSON objects by the top-level keys, skipping (not keeping) the values in between. */
    private static InventoryReader jsonObject(Path file, String name) {
        List<String> keys = new ArrayList<>();
        try (Reader in = TextDecoding.open(file).reader(); JsonParser json = JsonInput.parser(in)) {
            json.nextToken();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String key = json.currentName();
                json.nextToken();
                if (key.equals("bomFormat") || key.equals("spdxVersion")) return SbomReader.open(file);
                if (key.equals("content")) return HostInventoryReaders.open(file);
                if (keys.size() < 8) keys.add('"' + key + '"');
                json.skipChildren();
            }
        } catch (JsonProcessingException e) {
            throw Json.problem(name, e);
        } catch (IOException e) {
            throw HostInventoryReader.fileProblem(name, 0, e);
        }
        throw new InputException(name, 1, 1, "a JSON object with the top-level keys " + String.join(", ", keys)
                + " is not an inventory (expected \"bomFormat\": \"CycloneDX\", \"spdxVersion\" or a GLPI \"content\"); " + SUPPORTED);
    }

    /** Decides among the XML documents by the root element; a DOCTYPE or malformed start is reported here. */
    private static InventoryReader xml(Path file, String name) {
        try (XmlInput input = new XmlInput(TextDecoding.open(file).reader(), name)) {
            XMLStreamReader xml;
            try {
                xml = input.open();
                while (input.next() != XMLStreamReader.START_ELEMENT) {
                    // prolog: declaration, comments, processing instructions
                }
            } catch (XMLStreamException e) {
                throw input.problem(e, "before the root element", null);
            }
            String root = xml.getLocalName();
            String ns = xml.getNamespaceURI();
            if (root.equals("bom") && ns != null && ns.startsWith("http://cyclonedx.org/schema/bom/")) return SbomReader.open(file);
            if (root.equals("REQUEST")) return HostInventoryReaders.open(file);
            throw new InputException(name, xml.getLocation().getLineNumber(), xml.getLocation().getColumnNumber(),
                    "an XML document with the root <" + root + "> is not an inventory (expected a CycloneDX <bom>"
                            + " or an OCS Inventory / FusionInventory <REQUEST>); " + SUPPORTED);
        } catch (IOException e) {
            throw HostInventoryReader.fileProblem(name, 0, e);
        }
    }

    /** The first bytes, for signatures. */
    private static byte[] magic(Path file, String name) {
        if (Files.isDirectory(file)) throw new InputException(name, 0, 0, "this is a directory, not a file");
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(16);
        } catch (NoSuchFileException e) {
            throw new InputException(name, 0, 0, "file not found", e);
        } catch (AccessDeniedException e) {
            throw new InputException(name, 0, 0, "no permission to read the file", e);
        } catch (IOException e) {
            throw HostInventoryReader.fileProblem(name, 0, e);
        }
    }

    /** The start of the text, without a byte order mark and leading blanks. */
    private record Head(String text) {
        static Head read(Path file, String name) {
            try (Reader in = TextDecoding.open(file).reader()) {
                char[] buf = new char[HEAD];
                int n = 0;
                for (int r; n < HEAD && (r = in.read(buf, n, HEAD - n)) > 0; ) n += r;
                String raw = new String(buf, 0, n);
                BinarySignatures.refuseControlCharacters(raw, name, SUPPORTED);
                return new Head(raw.replace("\uFEFF", "").stripLeading());
            } catch (IOException e) {
                throw HostInventoryReader.fileProblem(name, 0, e);
            }
        }
    }
}
