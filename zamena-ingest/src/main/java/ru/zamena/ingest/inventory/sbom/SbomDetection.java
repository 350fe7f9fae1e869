package ru.zamena.ingest.inventory.sbom;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import ru.zamena.ingest.InputException;
import ru.zamena.ingest.io.JsonInput;
import ru.zamena.ingest.io.SafeXml;
import ru.zamena.ingest.io.TextDecoding;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;

/**
 * Tells the SBOM format of a file from its content. JSON keys may come in any order, so JSON is
 * detected by a first streaming pass over the top-level keys (nested values are skipped, not kept);
 * the file is then opened again for the reader.
 */
final class SbomDetection {
    static final String NOT_AN_SBOM = "not a CycloneDX or SPDX document (expected JSON with \"bomFormat\": \"CycloneDX\" "
            + "or \"spdxVersion\", XML with a CycloneDX <bom> root, or SPDX tag-value starting with 'SPDXVersion:')";

    private enum Kind { CYCLONEDX_JSON, SPDX_JSON, CYCLONEDX_XML, SPDX_TAG_VALUE }

    private SbomDetection() {}

    static SbomReader open(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        Kind kind = detect(file, name);
        Reader in = null;
        try {
            in = TextDecoding.open(file).reader();
            return switch (kind) {
                case CYCLONEDX_JSON -> new CycloneDxJsonReader(in, name);
                case SPDX_JSON -> new SpdxJsonReader(in, name);
                case CYCLONEDX_XML -> new CycloneDxXmlReader(in, name);
                case SPDX_TAG_VALUE -> new SpdxTagValueReader(new BufferedReader(in, 64 * 1024), name);
            };
        } catch (IOException e) {
            StreamingSbomReader.closeQuietly(in);
            throw StreamingSbomReader.ioProblem(name, e);
        }
    }

    private static Kind detect(Path file, String name) {
        try (Reader in = new BufferedReader(TextDecoding.open(file).reader())) {
            // The first visible character decides which syntax to try.
            long line = 1, column = 0;
            int c;
            while ((c = in.read()) >= 0) {
                column++;
                if (c == '\n') { line++; column = 0; }
                else if (!Character.isWhitespace(c) && c != '\uFEFF') break;
            }
            if (c < 0) throw new InputException(name, 0, 0, "the file is empty");
            Kind kind = switch (c) {
                case '{' -> jsonKind(file, name);
                case '<' -> xmlKind(file, name);
                case 'S' -> tagValueKind(file);
                default -> null;
            };
            if (kind == null) throw new InputException(name, line, column, NOT_AN_SBOM);
            return kind;
        } catch (IOException e) {
            throw StreamingSbomReader.ioProblem(name, e);
        }
    }

    private static Kind jsonKind(Path file, String name) throws IOException {
        // A throwaway reader only for its error messages with line and column.
        try (Reader in = TextDecoding.open(file).reader();
             JsonParser json = JsonInput.parser(in)) {
            json.nextToken();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                if (field.equals("bomFormat") && "CycloneDX".equals(StreamingSbomReader.jsonText(json))) return Kind.CYCLONEDX_JSON;
                if (field.equals("spdxVersion")) return Kind.SPDX_JSON;
                json.skipChildren();
            }
            return null;
        } catch (IOException e) {
            throw StreamingSbomReader.jsonProblem(name, e);
        }
    }

    private static Kind xmlKind(Path file, String name) throws IOException {
        try (Reader in = TextDecoding.open(file).reader()) {
            // Only the root element decides; the reader itself reports anything wrong with the root.
            XMLStreamReader xml = SafeXml.reader(in, name);
            try {
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamReader.START_ELEMENT) {
                        String ns = xml.getNamespaceURI();
                        return xml.getLocalName().equals("bom") && ns != null && ns.startsWith(CycloneDxXmlReader.NAMESPACE_PREFIX)
                                ? Kind.CYCLONEDX_XML : null;
                    }
                }
                return null;
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            // Let the reader report the syntax error with its own wording (DOCTYPE refused, end of file...).
            return Kind.CYCLONEDX_XML;
        }
    }

    private static Kind tagValueKind(Path file) throws IOException {
        try (BufferedReader in = new BufferedReader(TextDecoding.open(file).reader())) {
            String line;
            while ((line = in.readLine()) != null) {
                String s = line.strip();
                if (s.isEmpty() || s.startsWith("#")) continue;
                return s.startsWith("SPDXVersion:") ? Kind.SPDX_TAG_VALUE : null;
            }
            return null;
        }
    }
}
