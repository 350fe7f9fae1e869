package ru.zamena.compliance;

import ru.zamena.core.compliance.ComplianceEngine;
import ru.zamena.core.compliance.sovereignty.SovereigntyFramework;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The profiles under one folder, each loaded and compiled once, on first use. */
public final class Profiles {
    private final Path dir;
    private final CelConditions cel = new CelConditions();
    private final Map<String, ComplianceEngine> engines = new ConcurrentHashMap<>();
    private final Map<String, SovereigntyFramework> frameworks = new ConcurrentHashMap<>();

    public Profiles(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** The engine for profile {@code id}; fails with a message naming the file when the profile is broken or missing. */
    public ComplianceEngine engine(String id) {
        return engines.computeIfAbsent(id, k -> new ComplianceEngine(ProfileLoader.load(dir, k), cel));
    }

    /** The sovereignty framework of profile {@code id} (e.g. the EU Cloud Sovereignty Framework of "eu"). */
    public SovereigntyFramework sovereignty(String id) {
        return frameworks.computeIfAbsent(id, k -> SovereigntyLoader.framework(dir, k));
    }
}
