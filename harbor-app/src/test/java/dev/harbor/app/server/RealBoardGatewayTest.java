package dev.harbor.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.harbor.app.HarborServer;
import dev.harbor.app.config.ConfigLoader;
import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.controller.ProtocolOptions;
import dev.harbor.hardware.simulator.SerialBoardSimulator;
import dev.harbor.hardware.simulator.SimulatedBoard;
import dev.harbor.hardware.simulator.SimulatedBus;
import dev.harbor.hardware.simulator.SimulatedFault;
import dev.harbor.hardware.simulator.SimulatorSettings;
import dev.harbor.hardware.simulator.SocatPtyPair;
import dev.harbor.hardware.simulator.TcpBoardSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole gateway driving real transports: a Kerong CU16 board behind a serial line (a socat
 * pseudo-terminal pair opened by jSerialComm) and an xor8a board behind a TCP socket. An open
 * over HTTP must put exactly the spec's bytes on each line.
 */
class RealBoardGatewayTest {

    @TempDir
    Path dir;

    @Test
    void an_open_over_http_reaches_a_serial_board_and_a_tcp_board_with_the_specs_bytes() throws Exception {
        SimulatedBus serialBus = new SimulatedBus("serial", SimulatorSettings.DEFAULTS);
        SimulatedBoard cu16 = serialBus.addBoard(Protocol.KERONG_CU16, 0, 16, ProtocolOptions.DEFAULTS);
        SimulatedBus tcpBus = new SimulatedBus("tcp", SimulatorSettings.DEFAULTS);
        SimulatedBoard xor8a = tcpBus.addBoard(Protocol.XOR8A, 1, 4, ProtocolOptions.DEFAULTS);
        Path gatewaySide = dir.resolve("ttyHarbor");
        try (SocatPtyPair pty = SocatPtyPair.start(gatewaySide, dir.resolve("ttyBoard"));
                SerialBoardSimulator serial =
                        SerialBoardSimulator.open(serialBus, pty.boardSide().toString(), 19_200);
                TcpBoardSimulator tcp = TcpBoardSimulator.startOnLoopback(tcpBus, 0)) {
            Path layout = dir.resolve("layout.json");
            Files.writeString(layout, """
                    { "lockerTypes": [ { "slug": "parcel", "name": "Parcel" } ],
                      "bankTypes": [ { "name": "Sixteen", "lockers": [ %s ] },
                                     { "name": "Four", "lockers": [ "parcel", "parcel", "parcel", "parcel" ] } ],
                      "controllers": [
                        { "name": "Serial tower", "protocol": "kerong-cu16", "boardAddress": 0, "bankType": "Sixteen",
                          "transport": { "type": "serial", "port": "%s", "baudRate": 19200 } },
                        { "name": "TCP tower", "protocol": "xor8a", "boardAddress": 1, "bankType": "Four",
                          "transport": { "type": "tcp", "host": "127.0.0.1", "port": %d } } ] }
                    """.formatted(
                    String.join(",", java.util.Collections.nCopies(16, "\"parcel\"")), gatewaySide, tcp.port()));
            try (HarborServer server = HarborServer.start(ConfigLoader.load(Map.of(
                    "HARBOR_DATA_DIR",
                    dir.resolve("data").toString(),
                    "HARBOR_LAYOUT_FILE",
                    layout.toString(),
                    "HARBOR_HTTP_HOST",
                    "127.0.0.1",
                    "HARBOR_HTTP_PORT",
                    "0")))) {
                Json client = new Json(server.port());
                long serialLocker1 = lockerId(client, "Serial tower", 1);
                long tcpLocker2 = lockerId(client, "TCP tower", 2);

                Json.Response serialOpen = client.post("/lockers/" + serialLocker1 + "/open", "");
                Json.Response tcpOpen = client.post("/lockers/" + tcpLocker2 + "/open", "");

                assertThat(serialOpen.status()).isEqualTo(200);
                assertThat(serialOpen.body().get("doorOpen").asBoolean()).isTrue();
                assertThat(cu16.receivedHex()).contains("02 00 31 03 36");
                assertThat(tcpOpen.status()).isEqualTo(200);
                assertThat(xor8a.receivedHex()).contains("8A 01 02 11 98");

                xor8a.injectLockFault(2, SimulatedFault.LOCK_STUCK);
                Json.Response stuck = client.post("/lockers/" + tcpLocker2 + "/open", "");
                assertThat(stuck.status()).isEqualTo(500);
                assertThat(stuck.body().get("error").asText()).isEqualTo("HARDWARE_FAULT");
            }
        }
    }

    private static long lockerId(Json client, String controllerName, int bankLockerNumber) throws Exception {
        JsonNode config = client.get("/lockers/config").body();
        for (JsonNode controller : config.get("controllers")) {
            if (controller.get("name").asText().equals(controllerName)) {
                for (JsonNode locker : controller.get("lockers")) {
                    if (locker.get("bankLockerNumber").asInt() == bankLockerNumber) {
                        return locker.get("lockerId").asLong();
                    }
                }
            }
        }
        throw new AssertionError("no locker " + bankLockerNumber + " on " + controllerName + " in " + config);
    }
}
