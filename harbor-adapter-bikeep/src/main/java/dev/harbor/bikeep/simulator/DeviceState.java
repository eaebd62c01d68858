package dev.harbor.bikeep.simulator;

/** A device's API state, as Bikeep's {@code state.value} writes it. */
enum DeviceState {
    UNLOCKED,
    ALLOCATED,
    BOOKED,
    LOCKING,
    LOCKED,
    UNLOCKING
}
