package dev.harbor.application.controller;

/** Starting to drive the stored controllers, once at start-up. */
public interface AttachControllers {

    /** Attaches every stored controller to its board; controllers added later attach as they are added. */
    void attachAll();
}
