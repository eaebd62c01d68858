package dev.harbor.application.locker;

/**
 * Applies the state deadlines that passed: a booking never opened, a door left open. Run
 * periodically by whoever hosts the application.
 */
public interface SweepDeadlines {

    /** @return how many lockers changed state */
    int sweep();
}
