package ru.zamena.ingest.io;

import ru.zamena.ingest.InputException;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;

/** Bytes that are not valid in the encoding a text file was detected to have, at a known place. */
public final class MalformedTextException extends CharacterCodingException {
    private final Charset charset;
    private final long line;
    private final long column;

    MalformedTextException(Charset charset, long line, long column) {
        this.charset = charset;
        this.line = line;
        this.column = column;
    }

    public long line() { return line; }

    public long column() { return column; }

    @Override
    public String getMessage() {
        return "not valid " + charset.name() + " at line " + line + ", column " + column;
    }

    /** The problem in words for the user of {@code fileName}. */
    public InputException toInputException(String fileName) {
        return new InputException(fileName, line, column, "the text is not valid " + charset.name()
                + " here: the file mixes encodings (e.g. a line saved as CP1251 in a UTF-8 file) or is damaged;"
                + " save the whole file in one encoding", this);
    }
}
