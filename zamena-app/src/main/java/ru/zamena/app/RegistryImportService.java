package ru.zamena.app;

import ru.zamena.core.catalog.Category;
import ru.zamena.core.registry.RegistryRecord;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.core.text.NameKey;
import ru.zamena.ingest.InputException;
import ru.zamena.ingest.registry.RegistryReader;
import ru.zamena.store.AccessDeniedException;
import ru.zamena.store.CatalogStore;
import ru.zamena.store.RegistryStore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.*;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports the official software register export on top of the curated catalog. Idempotent: the
 * same file again records an "unchanged" run and touches nothing; a newer file records what was
 * added, changed, excluded or restored. A file that cannot be read stores nothing.
 */
public final class RegistryImportService {
    private final RegistryStore store;
    private final CatalogStore catalog;

    RegistryImportService(RegistryStore store, CatalogStore catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    public RegistryStore.ImportRun importFile(Caller caller, Path file, LongConsumer progress) {
        if (!caller.mayEditCatalog()) throw new AccessDeniedException("only an operator admin may import the registry");
        String name = file.getFileName().toString();
        String sha = sha256(file);
        Optional<Long> before = store.importedBefore(sha);
        if (before.isPresent())
            return store.recordRun(caller, name, sha, "unchanged", Map.of(), List.of(),
                    "same content as import #" + before.get() + "; nothing changed");
        Map<String, String> categoryByClass = categoryByClass(catalog.categories());
        try (RegistryReader reader = RegistryReader.open(file)) {
            Iterator<RegistryStore.Staged> staged = new Iterator<>() {
                long n;
                @Override public boolean hasNext() { return reader.hasNext(); }
                @Override public RegistryStore.Staged next() {
                    RegistryRecord r = reader.next();
                    if (progress != null && ++n % 5000 == 0) progress.accept(n);
                    return stage(r, categoryByClass);
                }
            };
            return store.importRecords(caller, name, sha, staged, () -> reader.errors().stream().map(InputException::getMessage).toList());
        } catch (InputException e) {
            store.recordRun(caller, name, sha, "failed", Map.of(), List.of(e.getMessage()), e.getMessage());
            throw e;
        } catch (IOException e) {
            throw new InputException(name, 0, 0, "cannot read: " + e.getMessage());
        }
    }

    public List<RegistryStore.ImportRun> runs(int limit) {
        return store.runs(limit);
    }

    public Optional<RegistryStore.ImportRun> run(long id) {
        return store.run(id);
    }

    public List<RegistryStore.Change> changes(long runId) {
        return store.changes(runId);
    }

    // Names in the register often carry alternative names in brackets: "МойОфис Стандартный (MyOffice Standard)".
    private static final Pattern BRACKETS = Pattern.compile("[(«\"]([^()«»\"]{2,})[)»\"]");

    static RegistryStore.Staged stage(RegistryRecord r, Map<String, String> categoryByClass) {
        var names = new LinkedHashSet<String>();
        names.add(NameKey.compact(r.name()));
        names.add(NameKey.compact(BRACKETS.matcher(r.name()).replaceAll(" ")));
        Matcher m = BRACKETS.matcher(r.name());
        while (m.find()) names.add(NameKey.compact(m.group(1)));
        names.remove("");
        String category = "other-software";
        for (String cls : r.classes()) {
            String c = categoryByClass.get(classKey(cls));
            if (c != null) { category = c; break; }
        }
        var holders = new StringBuilder("[");
        for (RegistryRecord.RightsHolder h : r.holders()) {
            if (holders.length() > 1) holders.append(',');
            holders.append("{\"name\":").append(jsonString(h.name())).append(",\"inn\":").append(jsonString(h.inn()))
                    .append(",\"ogrn\":").append(jsonString(h.ogrn())).append('}');
        }
        holders.append(']');
        String content = String.join("\u0001", r.name(), String.join("\u0002", r.classes()), holders, String.valueOf(r.includedOn()),
                String.valueOf(r.orderRef()), String.valueOf(r.website()), r.status().name(), String.valueOf(r.excludedOn()),
                String.valueOf(r.exclusionReason()), String.valueOf(r.trusted()));
        return new RegistryStore.Staged(r, sha256(content), List.copyOf(names), category, holders.toString());
    }

    /**
     * Register classes ("02.05 Операционные системы") mapped to our taxonomy by class name. Several
     * categories share a class (operating systems and mobile ones); the one named like the class
     * wins, else the catch-all one ("Прочие ..."), else the first by id.
     */
    static Map<String, String> categoryByClass(List<Category> categories) {
        var map = new HashMap<String, Category>();
        for (Category c : categories) {
            if (c.registryClass() == null) continue;
            String key = classKey(c.registryClass());
            Category old = map.get(key);
            if (old == null || rank(c, key) < rank(old, key)) map.put(key, c);
        }
        var out = new HashMap<String, String>();
        map.forEach((k, c) -> out.put(k, c.id()));
        return out;
    }

    private static int rank(Category c, String classKey) {
        String name = NameKey.fold(c.nameRu());
        if (name.equals(classKey)) return 0;
        if (name.startsWith("прочие") || name.startsWith("прочее")) return 1;
        return 2;
    }

    static String classKey(String cls) {
        return NameKey.fold(cls.replaceFirst("^\\s*[0-9.]+\\s*", "")).replaceAll("\\s*\\(.*", "");
    }

    private static String jsonString(String s) {
        if (s == null) return "null";
        var sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> { if (ch < 0x20) sb.append(String.format("\\u%04x", (int) ch)); else sb.append(ch); }
            }
        }
        return sb.append('"').toString();
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            var md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new InputException(file.getFileName().toString(), 0, 0, "cannot read: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
