package ru.zamena.ingest.inventory.sbom;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import ru.zamena.core.inventory.InventoryItem;
import ru.zamena.ingest.InputException;
import ru.zamena.ingest.io.JsonInput;
import ru.zamena.ingest.io.MalformedTextException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * The iterator plumbing the four readers share: a subclass parses the next piece of the file into
 * {@link #pending} (one top-level component with its nested ones, or one package) when asked.
 */
abstract class StreamingSbomReader implements SbomReader {
    /** The one shared factory ({@link JsonInput}), for parsers over other sources. */
    static final JsonFactory JSON = JsonInput.factory();

    final String fileName;
    final Deque<InventoryItem> pending = new ArrayDeque<>();
    private boolean ended;

    StreamingSbomReader(String fileName) {
        this.fileName = fileName;
    }

    /** Adds the next item(s) to {@link #pending}; false at the end of the document. */
    abstract boolean fill() throws IOException;

    @Override
    public final boolean hasNext() {
        while (pending.isEmpty() && !ended) {
            try {
                ended = !fill();
            } catch (IOException e) {
                ended = true;
                throw jsonProblem(fileName, e);
            } catch (InputException e) {
                ended = true;
                throw e;
            }
        }
        return !pending.isEmpty();
    }

    @Override
    public final InventoryItem next() {
        if (!hasNext()) throw new NoSuchElementException();
        return pending.removeFirst();
    }

    /** An I/O or JSON syntax problem in words for the user, at Jackson's location when there is one. */
    static InputException jsonProblem(String fileName, IOException e) {
        if (e instanceof StreamReadException s) {
            JsonLocation at = s.getLocation();
            long line = JsonInput.line(at);
            long column = JsonInput.column(at);
            // Jackson reports some cut-short documents without the JsonEOFException type, hence the message check.
            String detail = String.valueOf(s.getOriginalMessage());
            String reason = s instanceof JsonEOFException || detail.startsWith("Unexpected end-of-input")
                    ? "unexpected end of file (the JSON is cut short)" : "malformed JSON: " + detail;
            return new InputException(fileName, line, column, reason, e);
        }
        return ioProblem(fileName, e);
    }

    static InputException ioProblem(String fileName, Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof MalformedTextException m) return m.toInputException(fileName);
            if (c instanceof CharacterCodingException)
                return new InputException(fileName, 0, 0, "the text is not valid in its detected encoding (the file mixes encodings or is damaged)", e);
            if (c instanceof NoSuchFileException) return new InputException(fileName, 0, 0, "file not found", e);
            if (c.getCause() == c) break;
        }
        return new InputException(fileName, 0, 0, "cannot read: " + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
    }

    /**
     * A parser over {@code in} at the opening brace of the top-level object; {@code document} names what
     * the object should be (e.g. "a CycloneDX BOM"). On a syntax error {@code in} is closed.
     */
    static JsonInput jsonObject(Reader in, String fileName, String document) {
        try {
            var input = new JsonInput(in);
            JsonParser json = input.parser();
            JsonToken first = json.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new InputException(fileName, json.currentLocation().getLineNr(), json.currentLocation().getColumnNr(),
                        "expected a JSON object at the top (" + document + "), found " + (first == null ? "nothing" : json.getText()));
            }
            return input;
        } catch (IOException e) {
            closeQuietly(in);
            throw jsonProblem(fileName, e);
        }
    }

    /** The text of a scalar JSON value; anything else (object, array, null) is skipped and gives null. */
    static String jsonText(JsonParser json) throws IOException {
        JsonToken t = json.currentToken();
        if (t != null && t.isScalarValue() && t != JsonToken.VALUE_NULL) return json.getText();
        json.skipChildren();
        return null;
    }

    /** A JSON object's {@code name} field, as CycloneDX organizational entities have it. */
    static String jsonEntityName(JsonParser json) throws IOException {
        if (json.currentToken() != JsonToken.START_OBJECT) return jsonText(json);
        String name = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            if (field.equals("name")) name = jsonText(json);
            else json.skipChildren();
        }
        return name;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String firstNonBlank(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v.strip();
        return null;
    }

    /** SPDX says "NOASSERTION" or "NONE" where it knows nothing: that is no value. */
    static String spdxValue(String s) {
        s = blankToNull(s);
        return s == null || s.equals("NOASSERTION") || s.equals("NONE") ? null : s;
    }

    /** "Organization: ACME Ltd" or "Person: Jane Doe (jane@example.org)" → the name alone. */
    static String spdxSupplier(String s) {
        s = spdxValue(s);
        if (s == null) return null;
        for (String prefix : new String[] {"Organization:", "Person:", "Tool:"})
            if (s.startsWith(prefix)) s = s.substring(prefix.length()).strip();
        int email = s.lastIndexOf(" (");
        if (email > 0 && s.endsWith(")") && s.indexOf('@', email) > 0) s = s.substring(0, email).strip();
        return s.isEmpty() ? null : s;
    }

    /** An SPDX primary package purpose (OPERATING-SYSTEM) as an item type (operating-system). */
    static String spdxType(String purpose) {
        purpose = spdxValue(purpose);
        return purpose == null ? "package" : purpose.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static void closeQuietly(AutoCloseable c) {
        if (c == null) return;
        try {
            c.close();
        } catch (Exception e) {
            // already failing: the first problem is the one to report
        }
    }
}
