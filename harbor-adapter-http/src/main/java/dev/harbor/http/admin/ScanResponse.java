package dev.harbor.http.admin;

import dev.harbor.application.controller.DiscoverControllers;
import java.util.List;

/** The answer of {@code POST /controllers/scan}; {@code skipped} (ours) says why a found board was not added. */
public record ScanResponse(List<Discovered> discovered, List<ControllerResponse> added, List<Skipped> skipped) {

    public record Discovered(
            String name, String host, int port, String protocol, int boardAddress, int locks, boolean alreadyKnown) {}

    public record Skipped(String name, String host, int port, String reason) {}

    public static ScanResponse from(DiscoverControllers.ScanResult.Scanned scanned) {
        return new ScanResponse(
                scanned.discovered().stream()
                        .map(d -> new Discovered(
                                d.found().name(),
                                d.found().host(),
                                d.found().port(),
                                d.found().protocol(),
                                d.found().boardAddress(),
                                d.found().locks(),
                                d.alreadyKnown()))
                        .toList(),
                scanned.added().stream().map(ControllerResponse::from).toList(),
                scanned.skipped().stream()
                        .map(s -> new Skipped(
                                s.found().name(), s.found().host(), s.found().port(), s.reason()))
                        .toList());
    }
}
