package ru.zamena.app.match;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import ru.zamena.core.match.NameCleaner;
import ru.zamena.core.text.NameKey;
import ru.zamena.store.MatchNamesStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The two baselines {@code zamena bench match} measures the matcher against, on the same catalog and names.
 * Both get the name as {@link NameCleaner} cleans it, so the comparison is about finding and deciding, not
 * about cleaning. A baseline answers matched (with a product id) or unmatched; it has no review band.
 */
public final class MatchBaselines {
    private MatchBaselines() {}

    /** A baseline's answer: the product id, or null for unmatched. */
    public interface Baseline {
        String match(String raw, String publisher);
    }

    /** Exact lookup of the normalised name (NameKey: case, punctuation, script folded) among names and aliases. */
    public static Baseline exact(MatchNamesStore.Snapshot s) {
        Map<String, String> byKey = new HashMap<>();
        for (var p : s.products()) {
            for (String n : names(p)) {
                String k = NameKey.compact(n);
                if (!k.isEmpty()) byKey.putIfAbsent(k, p.id());
            }
        }
        return (raw, publisher) -> byKey.get(NameKey.compact(NameCleaner.clean(raw).name()));
    }

    /**
     * A plain Lucene index of every name and alias (StandardAnalyzer), queried with one {@link FuzzyQuery} per
     * word of the cleaned name, all required, with Elasticsearch's "AUTO" edit distance (0 for words of one
     * or two letters, 1 up to five, else 2); the best hit is the match.
     */
    public static Baseline luceneFuzzy(MatchNamesStore.Snapshot s) {
        Analyzer analyzer = new StandardAnalyzer();
        var dir = new ByteBuffersDirectory();
        try (var writer = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
            for (var p : s.products()) {
                for (String n : names(p)) {
                    var doc = new Document();
                    doc.add(new StoredField("id", p.id()));
                    doc.add(new TextField("name", n, Field.Store.NO));
                    writer.addDocument(doc);
                }
            }
            writer.commit();
            IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(dir));
            return (raw, publisher) -> {
                List<String> words = words(analyzer, NameCleaner.clean(raw).name());
                if (words.isEmpty()) return null;
                var q = new BooleanQuery.Builder();
                for (String w : words) {
                    int edits = w.length() <= 2 ? 0 : w.length() <= 5 ? 1 : 2;
                    q.add(new FuzzyQuery(new Term("name", w), edits), BooleanClause.Occur.MUST);
                }
                try {
                    TopDocs top = searcher.search(q.build(), 1);
                    if (top.scoreDocs.length == 0) return null;
                    return searcher.storedFields().document(top.scoreDocs[0].doc).get("id");
                } catch (IOException | IndexSearcher.TooManyClauses e) {
                    return null;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every name a product is known by: name, Russian name, aliases, register names. */
    private static List<String> names(MatchNamesStore.ProductRow p) {
        var names = new ArrayList<String>();
        names.add(p.name());
        if (p.nameRu() != null) names.add(p.nameRu());
        names.addAll(p.aliases());
        names.addAll(p.registryNames());
        return names;
    }

    private static List<String> words(Analyzer analyzer, String text) {
        var out = new ArrayList<String>();
        try (TokenStream ts = analyzer.tokenStream("name", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
