package ru.zamena.ingest.inventory.host;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import ru.zamena.ingest.InputException;

import static ru.zamena.ingest.io.JsonInput.column;
import static ru.zamena.ingest.io.JsonInput.line;

/** JSON errors of the inventory readers in words for users (the parser is {@link ru.zamena.ingest.io.JsonInput}). */
public final class Json {
    private Json() {}

    /** A syntax error (or a limit exceeded) reported by Jackson. */
    public static InputException problem(String fileName, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String reason;
        if (e instanceof JsonEOFException) {
            reason = "unexpected end of file (the JSON stops in the middle)";
        } else {
            String m = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
            reason = "malformed JSON: " + m.lines().findFirst().orElse(m).strip();
        }
        return new InputException(fileName, line(at), column(at), reason, e);
    }

    /** Valid JSON of the wrong shape, at the current token. */
    static InputException unexpected(String fileName, JsonParser p, String expected) {
        JsonLocation at = p.currentTokenLocation();
        return new InputException(fileName, line(at), column(at), "expected " + expected + ", found " + describe(p.currentToken()));
    }

    private static String describe(JsonToken t) {
        if (t == null) return "the end of the file";
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true/false";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
        };
    }
}
