package ru.zamena.ingest.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextDecodingTest {
    static final Charset CP1251 = Charset.forName("windows-1251");
    static final String RUSSIAN = "Реестровый номер;Наименование ПО\n1;Офис «Ёлка» №1\n";

    @TempDir Path dir;

    @Test
    void byteOrderMarksDecideAndAreNotPartOfTheText() throws IOException {
        assertDecoded(bytes(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, RUSSIAN.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        assertDecoded(bytes(new byte[]{(byte) 0xFF, (byte) 0xFE}, RUSSIAN.getBytes(StandardCharsets.UTF_16LE)), StandardCharsets.UTF_16LE);
        assertDecoded(bytes(new byte[]{(byte) 0xFE, (byte) 0xFF}, RUSSIAN.getBytes(StandardCharsets.UTF_16BE)), StandardCharsets.UTF_16BE);
    }

    @Test
    void withoutMarkValidUtf8IsUtf8AndAnythingElseIsCp1251() throws IOException {
        assertDecoded(RUSSIAN.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertDecoded(RUSSIAN.getBytes(CP1251), CP1251);
    }

    @Test
    void aCharacterCutByTheEndOfTheFirstChunkIsStillUtf8() throws IOException {
        for (String ch : new String[]{"Ж", "€", "😀"}) {
            byte[] encoded = ch.getBytes(StandardCharsets.UTF_8);
            // Put the character so that its first byte is the last byte of the first 64 KiB chunk.
            String text = "a".repeat(TextDecoding.CHUNK - 1) + ch + "b".repeat(100);
            assertThat(encoded.length).isGreaterThan(1);
            assertDecoded(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aLongLatinStartDoesNotHideCp1251FurtherOn() throws IOException {
        String text = "number;name\n" + "1;Latin only\n".repeat(12_000) + "2;Программа\n";
        assertThat(text.length()).isGreaterThan(2 * TextDecoding.CHUNK);
        assertDecoded(text.getBytes(CP1251), CP1251);
    }

    @Test
    void anXmlDeclarationNamesTheEncoding() throws IOException {
        // The real export declares windows-1251 and writes Cyrillic as character references: all ASCII.
        assertDecoded("<?xml version=\"1.0\" encoding=\"windows-1251\"?><r>&#1046;</r>".getBytes(StandardCharsets.US_ASCII), CP1251);
        assertDecoded("<?xml version='1.0' encoding='windows-1251'?><r>Жук</r>".getBytes(CP1251), CP1251);
        assertDecoded("<?xml version=\"1.0\" encoding=\"UTF-8\"?><r>Жук</r>".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    @Test
    void anUnknownDeclaredEncodingIsAnError() throws IOException {
        Path file = write("<?xml version=\"1.0\" encoding=\"klingon-1\"?><r/>".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> TextDecoding.open(file)).isInstanceOf(IOException.class).hasMessageContaining("klingon-1");
    }

    @Test
    void utf8ThatBreaksLaterFailsInsteadOfTurningIntoGarbage() throws IOException {
        var out = new ByteArrayOutputStream();
        out.writeBytes(("Жук\n" + "x".repeat(3 * TextDecoding.CHUNK)).getBytes(StandardCharsets.UTF_8));
        out.writeBytes("Жук\n".getBytes(CP1251));
        Path file = write(out.toByteArray());
        try (var d = TextDecoding.open(file)) {
            assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> readAll(d.reader())).isInstanceOf(CharacterCodingException.class);
        }
    }

    @Test
    void anEmptyFileIsUtf8() throws IOException {
        assertDecoded(new byte[0], StandardCharsets.UTF_8);
    }

    private void assertDecoded(byte[] content, Charset expected) throws IOException {
        Path file = write(content);
        assertThat(TextDecoding.detect(file)).isEqualTo(expected);
        try (var d = TextDecoding.open(file)) {
            assertThat(d.charset()).isEqualTo(expected);
            String text = readAll(d.reader());
            assertThat(text).doesNotStartWith("\uFEFF");
            assertThat(text.getBytes(expected)).containsExactly(withoutBom(content, expected));
        }
    }

    private static byte[] withoutBom(byte[] b, Charset cs) {
        int skip = cs.equals(StandardCharsets.UTF_8) && b.length >= 3 && b[0] == (byte) 0xEF ? 3
                : cs.name().startsWith("UTF-16") && b.length >= 2 ? 2 : 0;
        return java.util.Arrays.copyOfRange(b, skip, b.length);
    }

    private Path write(byte[] content) throws IOException {
        return Files.write(Files.createTempFile(dir, "text", ".txt"), content);
    }

    private static byte[] bytes(byte[] a, byte[] b) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    private static String readAll(Reader r) throws IOException {
        var w = new StringWriter();
        r.transferTo(w);
        return w.toString();
    }
}
