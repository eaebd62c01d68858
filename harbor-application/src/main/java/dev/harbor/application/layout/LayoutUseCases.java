package dev.harbor.application.layout;

import dev.harbor.application.controller.ManageControllers;
import dev.harbor.application.port.ControllerStore;
import dev.harbor.application.port.LayoutStore;
import java.time.Clock;

/**
 * The layout use cases, built over the driven ports. It exists because the application is
 * assembled in another package: the services behind these ports stay package-private, and the
 * assembly sees only what it hands out.
 */
public record LayoutUseCases(QueryCatalogue catalogue, LoadLayout load) {

    /** @param manageControllers adds and moves the layout's controllers, as the Admin API would */
    public static LayoutUseCases over(
            LayoutStore layout, ControllerStore controllers, ManageControllers manageControllers, Clock clock) {
        return new LayoutUseCases(
                new CatalogueService(layout), new LayoutLoader(layout, controllers, manageControllers, clock));
    }
}
