package ru.zamena.ingest.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * The Jackson streaming parser the JSON readers share, and positions for their messages. How a syntax
 * error is worded stays with each family of readers.
 */
public final class JsonInput implements Closeable {
    // One factory for all: a JsonFactory is thread-safe and costly to create. Jackson's default
    // StreamReadConstraints bound string length and nesting, so a hostile file cannot exhaust memory.
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final JsonParser json;

    /** Over JSON text from {@code in} (already decoded, see {@link TextDecoding}); closing this closes {@code in}. */
    public JsonInput(Reader in) throws IOException {
        this.json = parser(in);
    }

    /** The shared factory, for parsers over other sources than a {@link Reader}. */
    public static JsonFactory factory() {
        return FACTORY;
    }

    /** A bare parser over {@code in}, for a look that needs no {@code JsonInput}. */
    public static JsonParser parser(Reader in) throws IOException {
        return FACTORY.createParser(in);
    }

    public JsonParser parser() {
        return json;
    }

    /** The line the parser is at, 0 when unknown. */
    public long line() {
        return line(json.currentLocation());
    }

    public static long line(JsonLocation at) {
        return at == null ? 0 : Math.max(0, at.getLineNr());
    }

    public static long column(JsonLocation at) {
        return at == null ? 0 : Math.max(0, at.getColumnNr());
    }

    @Override
    public void close() throws IOException {
        json.close();
    }
}
