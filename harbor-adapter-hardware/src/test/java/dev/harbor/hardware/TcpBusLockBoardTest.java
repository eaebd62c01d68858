package dev.harbor.hardware;

import dev.harbor.domain.controller.Transport;
import dev.harbor.hardware.simulator.SimulatedBus;
import dev.harbor.hardware.simulator.TcpBoardSimulator;

/** A real TCP socket on 127.0.0.1, as to a serial-to-Ethernet bridge. */
class TcpBusLockBoardTest extends BusLockBoardContract {

    @Override
    Transport serve(SimulatedBus bus) throws Exception {
        TcpBoardSimulator server = TcpBoardSimulator.startOnLoopback(bus, 0);
        closeAfter(server);
        return new Transport.Tcp("127.0.0.1", server.port());
    }
}
