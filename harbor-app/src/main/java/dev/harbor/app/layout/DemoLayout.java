package dev.harbor.app.layout;

import dev.harbor.application.layout.Layout;
import dev.harbor.domain.controller.BoardEndpoint;
import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.controller.ProtocolOptions;
import dev.harbor.domain.controller.Transport;
import java.util.ArrayList;
import java.util.List;

/**
 * What a gateway runs with no layout file: two simulated Kerong CU16 boards of 16 lockers each
 * on one simulated RS-485 line, in three sizes, so the API is usable at once.
 */
public final class DemoLayout {

    public static final String BUS = "demo";

    private DemoLayout() {}

    public static Layout create() {
        List<Layout.LockerTypeSpec> types = List.of(
                new Layout.LockerTypeSpec("small", "Small", "Letters and small parcels", 400, 100, 600),
                new Layout.LockerTypeSpec("medium", "Medium", "Most parcels", 400, 300, 600),
                new Layout.LockerTypeSpec("large", "Large", "Large parcels", 400, 600, 600));
        List<String> tower = new ArrayList<>();
        for (int i = 1; i <= 16; i++) {
            tower.add(i <= 8 ? "small" : i <= 13 ? "medium" : "large");
        }
        List<Layout.BankTypeSpec> banks =
                List.of(new Layout.BankTypeSpec("Demo tower 16", "8 small, 5 medium, 3 large", true, tower));
        List<Layout.ControllerSpec> controllers = List.of(
                new Layout.ControllerSpec("Demo tower A", simulated(0), "Demo tower 16"),
                new Layout.ControllerSpec("Demo tower B", simulated(1), "Demo tower 16"));
        return new Layout(types, banks, controllers);
    }

    private static BoardEndpoint simulated(int address) {
        return new BoardEndpoint(Protocol.KERONG_CU16, new Transport.Simulated(BUS), address, ProtocolOptions.DEFAULTS);
    }
}
