package dev.harbor.hardware.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The simulator's own command line (SimulatorMain), run in this JVM. */
class SimulateBoardCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(SimulateBoardCommand command, String... args) {
        CommandLine line = SimulateBoardCommand.commandLine(command);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    @Test
    void valid_options_serve_the_boards_until_told_to_stop_then_close_them() throws Exception {
        AtomicBoolean listening = new AtomicBoolean();
        int status = run(
                new SimulateBoardCommand(() -> listening.set(out.toString().contains("tcp 127.0.0.1:"))),
                "--protocol",
                "xor8a",
                "--tcp",
                "0",
                "--address",
                "3");

        assertThat(status).isZero();
        assertThat(listening).isTrue();
        assertThat(out.toString()).contains("simulating 1 xor8a board(s) from address 3 with 24 locks each on tcp");
        int port = Integer.parseInt(out.toString().replaceAll("(?s).*127\\.0\\.0\\.1:(\\d+).*", "$1"));
        try (ServerSocket again = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).as("the port was given back").isEqualTo(port);
        }
    }

    @Test
    void a_board_address_the_protocol_cannot_have_is_a_usage_error_not_a_stack_trace() {
        assertThat(run(
                        new SimulateBoardCommand(() -> {}),
                        "--protocol",
                        "kerong-cu16",
                        "--tcp",
                        "0",
                        "--address",
                        "10"))
                .isEqualTo(2);

        assertThat(err.toString())
                .startsWith("simulate-board: board address 10 is out of range 0-9 for kerong-cu16")
                .doesNotContain("Exception");
    }

    @Test
    void a_port_that_cannot_be_listened_on_is_one_line_with_status_1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int status = run(
                    new SimulateBoardCommand(() -> {}),
                    "--protocol",
                    "kerong-cu16",
                    "--tcp",
                    String.valueOf(taken.getLocalPort()));

            assertThat(status).isEqualTo(1);
            assertThat(err.toString().lines()).hasSize(1).first().asString().startsWith("simulate-board: ");
        }
    }
}
