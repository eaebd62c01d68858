package dev.harbor.application.locker;

import dev.harbor.application.Actor;
import dev.harbor.application.audit.Auditor;
import dev.harbor.application.port.ControllerStore;
import dev.harbor.application.port.LockerStore;
import dev.harbor.domain.controller.Controller;
import dev.harbor.domain.controller.ControllerId;
import dev.harbor.domain.locker.Locker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Opens every locker: one worker per bus, so boards on different lines work in parallel while
 * the locks of one line open one after another, a gap apart, to keep the power draw low.
 */
final class OpenAllService implements OpenAllLockers {

    private final LockerStore lockers;
    private final ControllerStore controllers;
    private final DoorOpener doorOpener;
    private final Auditor auditor;
    private final Duration gap;

    OpenAllService(
            LockerStore lockers, ControllerStore controllers, DoorOpener doorOpener, Auditor auditor, Duration gap) {
        this.lockers = lockers;
        this.controllers = controllers;
        this.doorOpener = doorOpener;
        this.auditor = auditor;
        this.gap = gap;
    }

    @Override
    public Report openAll(Actor actor) {
        Map<ControllerId, Controller> byId =
                controllers.findAll().stream().collect(Collectors.toMap(Controller::id, Function.identity()));
        Map<String, List<Locker>> byBus = new LinkedHashMap<>();
        for (Locker locker : lockers.findAll()) {
            Controller controller = byId.get(locker.controllerId());
            // A remote device (Bikeep) has no door to pulse: open-all leaves it out (spec/bikeep.md).
            if (controller != null && !controller.endpoint().protocol().isRemote() && !locker.isExternal()) {
                byBus.computeIfAbsent(controller.endpoint().transport().busKey(), k -> new ArrayList<>())
                        .add(locker);
            }
        }
        List<OpenResult> results = new ArrayList<>();
        if (!byBus.isEmpty()) {
            ExecutorService workers = Executors.newFixedThreadPool(byBus.size(), runnable -> {
                Thread thread = new Thread(runnable, "open-all");
                thread.setDaemon(true);
                return thread;
            });
            try {
                List<CompletableFuture<List<OpenResult>>> perBus = byBus.values().stream()
                        .map(bus -> CompletableFuture.supplyAsync(() -> openInTurn(bus), workers))
                        .toList();
                perBus.forEach(f -> results.addAll(f.join()));
            } finally {
                workers.shutdownNow();
            }
        }
        results.sort(Comparator.comparingLong(OpenAllService::lockerIdOf));
        Report report = new Report(results);
        auditor.record(
                actor,
                "locker.open-all",
                "all lockers",
                report.allSucceeded() ? "OK" : "PARTIAL",
                report.succeeded() + " of " + results.size() + " opened");
        return report;
    }

    private List<OpenResult> openInTurn(List<Locker> bus) {
        List<OpenResult> results = new ArrayList<>();
        for (int i = 0; i < bus.size(); i++) {
            if (i > 0 && !pause()) {
                break;
            }
            results.add(doorOpener.open(bus.get(i)));
        }
        return results;
    }

    private boolean pause() {
        try {
            Thread.sleep(gap.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static long lockerIdOf(OpenResult result) {
        if (result instanceof OpenResult.Opened r) {
            return r.lockerId().value();
        }
        if (result instanceof OpenResult.HardwareFault r) {
            return r.lockerId().value();
        }
        if (result instanceof OpenResult.ControllerUnavailable r) {
            return r.lockerId().value();
        }
        return Long.MAX_VALUE;
    }
}
