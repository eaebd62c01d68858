package dev.harbor.domain.controller;

/** The identity of one lock-control board (or Bikeep location) in the gateway. */
public record ControllerId(long value) {
    public ControllerId {
        if (value <= 0) {
            throw new IllegalArgumentException("controller id must be positive, was " + value);
        }
    }

    public static ControllerId of(long value) {
        return new ControllerId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
