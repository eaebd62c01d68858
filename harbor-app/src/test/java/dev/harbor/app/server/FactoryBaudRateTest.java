package dev.harbor.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.app.HarborServer;
import dev.harbor.app.config.ConfigLoader;
import dev.harbor.app.layout.LayoutFile;
import dev.harbor.app.testing.AdminHttp;
import dev.harbor.application.layout.Layout;
import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.controller.Transport;
import dev.harbor.hardware.simulator.SimulatorMain;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A board described without a baud rate gets the same one whichever way it enters Harbor: the
 * Admin API, the layout file or the simulator's command line. They once disagreed (a CU48 got
 * 19200 through the API and 9600 elsewhere); now each asks the protocol.
 */
class FactoryBaudRateTest {

    private static final String USER = "admin";
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dir;

    private HarborServer server;
    private AdminHttp http;

    @BeforeEach
    void start() {
        server = HarborServer.start(
                ConfigLoader.load(Map.of(
                        "HARBOR_DATA_DIR",
                        dir.toString(),
                        "HARBOR_HTTP_HOST",
                        "127.0.0.1",
                        "HARBOR_HTTP_PORT",
                        "0",
                        "HARBOR_ADMIN_USERNAME",
                        USER,
                        "HARBOR_ADMIN_PASSWORD",
                        PASSWORD)),
                AdminGatewayTest.TUNING);
        http = new AdminHttp(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void every_protocol_gets_one_default_baud_rate_through_the_api_the_layout_file_and_the_simulator()
            throws Exception {
        int board = 0;
        for (Protocol protocol : Protocol.boards()) {
            String serial = "{\"type\":\"serial\",\"port\":\"/dev/ttyHarborMissing" + board++ + "\"}";
            String controller = "{\"name\":\"T\",\"protocol\":\"" + protocol.id() + "\",\"transport\":" + serial
                    + ",\"boardAddress\":" + protocol.minAddress() + ",\"lockerCount\":1}";

            AdminHttp.Reply added =
                    http.send("POST", "/controllers", controller, "Authorization", AdminHttp.basic(USER, PASSWORD));
            assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
            int viaApi = added.body().at("/transport/baudRate").asInt();

            Layout layout = LayoutFile.parse("{\"lockerTypes\":[{\"slug\":\"s\",\"name\":\"S\"}],"
                    + "\"bankTypes\":[{\"name\":\"One\",\"lockers\":[\"s\"]}],"
                    + "\"controllers\":[" + controller.replace("\"lockerCount\":1", "\"bankType\":\"One\"") + "]}");
            int viaLayout =
                    ((Transport.Serial) layout.controllers().get(0).endpoint().transport()).baudRate();

            int viaSimulator = SimulatorMain.parse(new String[] {"--protocol", protocol.id(), "--tcp", "0"})
                    .baud();

            assertThat(new int[] {viaApi, viaLayout, viaSimulator})
                    .as(protocol.id())
                    .containsOnly(protocol.factoryBaudRate());
        }
    }
}
