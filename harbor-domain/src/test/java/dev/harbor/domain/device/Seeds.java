package dev.harbor.domain.device;

import java.util.SplittableRandom;

/** The seed of a property test: {@code -Dharbor.seed=…} to replay a failure, else a fresh one. */
final class Seeds {

    static final String PROPERTY = "harbor.seed";

    private Seeds() {}

    static long seed() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Long.parseLong(configured.trim());
        }
        return new SplittableRandom().nextLong();
    }
}
