package dev.harbor.hardware;

import dev.harbor.domain.controller.Transport;
import dev.harbor.hardware.simulator.SerialBoardSimulator;
import dev.harbor.hardware.simulator.SimulatedBus;
import dev.harbor.hardware.simulator.SocatPtyPair;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The real jSerialComm code on a real pty pair made by socat. */
class SerialBusLockBoardTest extends BusLockBoardContract {

    @TempDir
    Path ptys;

    @Override
    Transport serve(SimulatedBus bus) throws Exception {
        SocatPtyPair pair = SocatPtyPair.start(ptys.resolve("gateway"), ptys.resolve("board"));
        closeAfter(pair);
        closeAfter(SerialBoardSimulator.open(bus, pair.boardSide().toString(), 9600));
        return new Transport.Serial(pair.gatewaySide().toString(), 9600);
    }
}
