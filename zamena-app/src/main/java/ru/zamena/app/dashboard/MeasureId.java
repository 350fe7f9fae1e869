package ru.zamena.app.dashboard;

import ru.zamena.core.targets.TrendForecast.Text;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The measures the dashboard tracks (docs/dashboard-data.md says how each is computed). */
public enum MeasureId {
    /** Installed software (audits: count or seats; spend: software purchases). */
    SOFTWARE_DOMESTIC_SHARE(new Text("Доля отечественного ПО", "Domestic software share")),
    /** Processors (audits: processors in the inventories; spend: computing hardware bought, by its processor's origin). */
    PROCESSOR_DOMESTIC_SHARE(new Text("Доля отечественных процессоров", "Domestic processor share")),
    /** Software and services bought (purchases: lines, quantity or amount). */
    PURCHASES_DOMESTIC_SHARE(new Text("Доля отечественного ПО в закупках", "Domestic share of software purchases"));

    private final Text title;

    MeasureId(Text title) {
        this.title = title;
    }

    public Text title() {
        return title;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MeasureId of(String id) {
        for (MeasureId m : values()) if (m.id().equals(id)) return m;
        throw new IllegalArgumentException("measure must be one of " + Arrays.stream(values()).map(MeasureId::id)
                .collect(Collectors.joining(", ")) + ", got '" + id + "'");
    }
}
