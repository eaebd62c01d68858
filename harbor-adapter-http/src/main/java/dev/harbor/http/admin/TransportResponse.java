package dev.harbor.http.admin;

import dev.harbor.domain.controller.Transport;

/** {@code transport} of a {@code Controller}: its fields depend on {@code type}. */
public sealed interface TransportResponse {

    String type();

    record Serial(String type, String port, int baudRate) implements TransportResponse {}

    record Tcp(String type, String host, int port) implements TransportResponse {}

    record Simulated(String type, String bus) implements TransportResponse {}

    /** A Bikeep location: the controller stands for it, its lockers are its devices. */
    record Bikeep(String type, String locationId) implements TransportResponse {}

    static TransportResponse from(Transport transport) {
        if (transport instanceof Transport.Serial serial) {
            return new Serial(serial.type(), serial.port(), serial.baudRate());
        }
        if (transport instanceof Transport.Tcp tcp) {
            return new Tcp(tcp.type(), tcp.host(), tcp.port());
        }
        if (transport instanceof Transport.Simulated simulated) {
            return new Simulated(simulated.type(), simulated.bus());
        }
        if (transport instanceof Transport.Bikeep bikeep) {
            return new Bikeep(bikeep.type(), bikeep.locationId());
        }
        throw new IllegalStateException(
                "unmapped transport " + transport.getClass().getSimpleName());
    }
}
