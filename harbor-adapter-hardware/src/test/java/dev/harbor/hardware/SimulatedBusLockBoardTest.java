package dev.harbor.hardware;

import dev.harbor.domain.controller.Transport;
import dev.harbor.hardware.simulator.SimulatedBus;

/** The in-process simulated bus the demo layout uses, reached through the LockBoard's own registry. */
class SimulatedBusLockBoardTest extends BusLockBoardContract {

    @Override
    SimulatedBus newBus() {
        return inProcessBuses.bus("demo");
    }

    @Override
    Transport serve(SimulatedBus bus) {
        return new Transport.Simulated("demo");
    }
}
