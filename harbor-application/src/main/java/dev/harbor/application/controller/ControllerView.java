package dev.harbor.application.controller;

import dev.harbor.domain.controller.Controller;
import dev.harbor.domain.health.HealthReading;

/** A controller with its run-time condition. */
public record ControllerView(Controller controller, ControllerRuntime.Snapshot runtime, HealthReading health) {}
