package ru.zamena.ingest.io;

import org.junit.jupiter.api.Test;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SafeXmlTest {
    @Test
    void readsOrdinaryXml() throws XMLStreamException {
        assertThat(textOf("<?xml version=\"1.0\"?><r><a>Жук &amp; &#1046;</a></r>")).isEqualTo("Жук & Ж");
    }

    @Test
    void refusesExternalEntities() {
        assertThatThrownBy(() -> textOf("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"))
                .isInstanceOf(XMLStreamException.class).hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining("root:");
    }

    @Test
    void refusesAnExternalDtd() {
        assertThatThrownBy(() -> textOf("<!DOCTYPE x SYSTEM \"http://127.0.0.1:1/evil.dtd\"><x>a</x>"))
                .isInstanceOf(XMLStreamException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void refusesEntityExpansion() {
        String bomb = "<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><lolz>&lol3;</lolz>";
        assertThatThrownBy(() -> textOf(bomb)).isInstanceOf(XMLStreamException.class).hasMessageContaining("DOCTYPE");
    }

    private static String textOf(String xml) throws XMLStreamException {
        XMLStreamReader r = SafeXml.reader(new StringReader(xml), "test.xml");
        var sb = new StringBuilder();
        while (r.hasNext()) if (r.next() == XMLStreamReader.CHARACTERS) sb.append(r.getText());
        return sb.toString();
    }
}
