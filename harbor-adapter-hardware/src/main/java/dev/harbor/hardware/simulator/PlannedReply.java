package dev.harbor.hardware.simulator;

import java.util.List;

/** The bytes a board sends back, in chunks, and how long after the request it starts sending. */
record PlannedReply(long delayNanos, List<byte[]> chunks, long pauseNanos) {}
