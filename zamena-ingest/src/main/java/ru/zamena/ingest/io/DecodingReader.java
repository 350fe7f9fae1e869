package ru.zamena.ingest.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;

/**
 * Decodes bytes like {@link java.io.InputStreamReader}, but counts lines and columns of what it
 * delivered, so that a bad byte is reported where it is: every valid character before it is delivered
 * first, then {@link MalformedTextException} names the line and column of the bad one.
 */
final class DecodingReader extends Reader {
    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(TextDecoding.CHUNK).flip();
    private final CharBuffer chars = CharBuffer.allocate(TextDecoding.CHUNK).flip();
    private boolean endOfBytes;
    private boolean flushed;
    private boolean malformed;
    private long line = 1;
    private long column;

    DecodingReader(InputStream in, CharsetDecoder decoder) {
        this.in = in;
        this.decoder = decoder;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (len == 0) return 0;
        while (!chars.hasRemaining()) {
            if (malformed) throw new MalformedTextException(decoder.charset(), line, column + 1);
            if (!fill()) return -1;
        }
        int n = Math.min(len, chars.remaining());
        chars.get(buf, off, n);
        for (int i = off; i < off + n; i++) {
            if (buf[i] == '\n') { line++; column = 0; } else column++;
        }
        return n;
    }

    /** Decodes more characters into {@link #chars}; false at the end of the text. */
    private boolean fill() throws IOException {
        chars.clear();
        try {
            while (chars.position() == 0) {
                if (endOfBytes) {
                    if (flushed) return false;
                    CoderResult r = decoder.decode(bytes, chars, true);
                    if (r.isError()) { malformed = true; return true; }
                    decoder.flush(chars);
                    flushed = true;
                    return chars.position() > 0;
                }
                CoderResult r = decoder.decode(bytes, chars, false);
                if (r.isError()) { malformed = true; return true; } // the valid part first; the error on the next read
                if (r.isOverflow()) return true;
                bytes.compact();
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) endOfBytes = true; else bytes.position(bytes.position() + n);
                bytes.flip();
            }
            return true;
        } finally {
            chars.flip();
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
