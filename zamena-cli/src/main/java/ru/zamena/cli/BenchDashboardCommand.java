package ru.zamena.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code zamena bench dashboard}: placeholder until the benchmark lands. */
@Command(name = "dashboard", description = "Dashboard benchmark: 1,000 organisations, 1,000,000 items; overview API p50/p99 and a PDF report.")
final class BenchDashboardCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new IllegalArgumentException("not yet");
    }
}
