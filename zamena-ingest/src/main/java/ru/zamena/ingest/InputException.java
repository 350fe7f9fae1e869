package ru.zamena.ingest;

/**
 * A user's input file cannot be read as expected. The message names the file and the position and
 * says what is wrong in words a user can act on, e.g.
 * {@code registry.xml: line 17, column 5: unexpected end of file inside <item>}.
 * Input problems are not bugs, so no stack trace is recorded (cheap to collect thousands of them).
 */
public class InputException extends RuntimeException {
    private final String file;
    private final long line;
    private final long column;
    private final long record;
    private final String reason;

    /** A problem at a line and column of {@code file}; pass 0 for a position that is unknown. */
    public InputException(String file, long line, long column, String reason) {
        this(file, line, column, 0, reason, null);
    }

    public InputException(String file, long line, long column, String reason, Throwable cause) {
        this(file, line, column, 0, reason, cause);
    }

    private InputException(String file, long line, long column, long record, String reason, Throwable cause) {
        super(format(file, line, column, record, reason), cause, false, false);
        this.file = file;
        this.line = line;
        this.column = column;
        this.record = record;
        this.reason = reason;
    }

    /** A problem with one record (1-based) that starts at {@code line}. */
    public static InputException inRecord(String file, long record, long line, String reason) {
        return new InputException(file, line, 0, record, reason, null);
    }

    public String file() { return file; }

    /** 1-based line, 0 when unknown. */
    public long line() { return line; }

    /** 1-based column, 0 when unknown. */
    public long column() { return column; }

    /** 1-based record number for a problem with one record, 0 for a problem with the whole file. */
    public long record() { return record; }

    /** The message without file and position. */
    public String reason() { return reason; }

    private static String format(String file, long line, long column, long record, String reason) {
        var sb = new StringBuilder(file == null ? "input" : file);
        if (line > 0) {
            sb.append(": line ").append(line);
            if (column > 0) sb.append(", column ").append(column);
        }
        if (record > 0) sb.append(line > 0 ? " (record " : ": record ").append(record).append(line > 0 ? ")" : "");
        return sb.append(": ").append(reason).toString();
    }
}
