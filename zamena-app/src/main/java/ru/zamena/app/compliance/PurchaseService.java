package ru.zamena.app.compliance;

import ru.zamena.app.CatalogService;
import ru.zamena.app.compliance.ComplianceService.Outcome;
import ru.zamena.core.catalog.Product;
import ru.zamena.core.compliance.Decision;
import ru.zamena.core.compliance.ItemFacts;
import ru.zamena.core.compliance.Law;
import ru.zamena.core.compliance.Profile;
import ru.zamena.core.compliance.QuotaReport;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.ingest.InputException;
import ru.zamena.store.PurchaseStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An organisation's purchases: a checked file is recorded with the facts each decided item had (once per
 * file content), and the yearly quota report is made from what was recorded. A file with rejected items
 * is not recorded at all: a quota share computed from part of a file would mislead.
 */
public final class PurchaseService {
    private final ComplianceService compliance;
    private final PurchaseStore store;
    private final CatalogService catalog;
    private final Set<String> domesticCountries;
    private final Map<String, Boolean> openSource = new ConcurrentHashMap<>();

    public PurchaseService(ComplianceService compliance, PurchaseStore store, CatalogService catalog, Collection<String> domesticCountries) {
        this.compliance = compliance;
        this.store = store;
        this.catalog = catalog;
        this.domesticCountries = Set.copyOf(domesticCountries);
    }

    public enum Status { RECORDED, ALREADY_RECORDED, NOT_RECORDED }

    /** What happened to the file: its recorded row (the earlier one when already recorded; null when not recorded) and the check's counts. */
    public record Recorded(Status status, PurchaseStore.RecordedFile file, ComplianceService.Counts counts) {}

    /** Checks {@code file} as {@link ComplianceService#check} does and records its decided items for {@code orgSlug}. */
    public Recorded checkAndRecord(Caller caller, String orgSlug, Path file, ComplianceService.Options options, ComplianceService.Listener listener) {
        if (options.date() != null) throw new IllegalArgumentException("a check on another date (--date) is a what-if and cannot be recorded as purchases");
        String sha = sha256(file);
        var earlier = store.recorded(caller, orgSlug, sha);
        if (earlier.isPresent()) return new Recorded(Status.ALREADY_RECORDED, earlier.get(), compliance.check(file, options, listener));
        try (var recording = store.begin(caller, orgSlug, sha, file.getFileName().toString(), options.profile())) {
            var counts = compliance.check(file, options, outcome -> {
                if (outcome instanceof Outcome.Decided d) recording.add(purchase(d.decision()));
                listener.outcome(outcome);
            });
            if (counts.rejected() > 0) return new Recorded(Status.NOT_RECORDED, null, counts);
            return new Recorded(Status.RECORDED, recording.commit(), counts);
        }
    }

    /** The files {@code orgSlug} recorded, oldest first (viewers may list them). */
    public java.util.List<PurchaseStore.RecordedFile> files(Caller caller, String orgSlug) {
        return store.files(caller, orgSlug);
    }

    /** The quota report of {@code orgSlug} for {@code year} under {@code profile}'s quota table. */
    public QuotaReport quotas(Caller caller, String orgSlug, int year, String profile) {
        Profile p = compliance.engine(profile).profile();
        var totals = store.yearTotals(caller, orgSlug, year).stream()
                .map(t -> new QuotaReport.Total(t.okpd2(), Law.parse(t.law()), t.registered(), t.items(), t.amount(), t.priced())).toList();
        return QuotaReport.of(p, year, p.quotaLaws(), totals);
    }

    /** The item as recorded, with what the dashboard's measures need (product, category, origin class, quantity, processor). */
    private PurchaseStore.Purchase purchase(Decision d) {
        ItemFacts f = d.facts();
        var item = f.item();
        var c = f.catalog();
        String processor = item.processorCountry() == null ? null : domesticCountries.contains(item.processorCountry()) ? "domestic" : "foreign";
        return new PurchaseStore.Purchase(item.id(), item.date(), item.law().code(), f.okpd2(), item.name(), f.origin(), f.registered(),
                item.price(), d.verdict().name(), c.productId(), c.category(), c.vendor(), originClass(f), processor,
                item.quantity() == null ? 1 : item.quantity().doubleValue());
    }

    /**
     * Domestic when registered or from a domestic country (as the quota report counts it), open source when
     * the catalog product matched is, foreign from another country, unknown without a country.
     */
    String originClass(ItemFacts f) {
        if (f.registered() || (f.origin() != null && domesticCountries.contains(f.origin()))) return "domestic";
        String product = f.catalog().productId();
        if (product != null && openSource.computeIfAbsent(product, id -> catalog.product(id)
                .map(p -> p.product().license() == Product.License.OPEN_SOURCE).orElse(false))) return "open_source";
        return f.origin() != null ? "foreign" : "unknown";
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), 0, 0, "no such file");
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
