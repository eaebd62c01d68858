package dev.harbor.application.layout;

import dev.harbor.domain.controller.BoardEndpoint;
import java.util.List;
import java.util.Objects;

/**
 * The physical installation as the layout file describes it: locker types, bank types (which
 * bank locker number has which type) and the controllers with the bank type each drives.
 */
public record Layout(List<LockerTypeSpec> lockerTypes, List<BankTypeSpec> bankTypes, List<ControllerSpec> controllers) {

    public Layout {
        lockerTypes = List.copyOf(lockerTypes);
        bankTypes = List.copyOf(bankTypes);
        controllers = List.copyOf(controllers);
    }

    /**
     * What the start would refuse in this layout (unknown or repeated names, a bank too big for
     * its board, boards that clash on a bus), so it can be checked before anything is opened.
     */
    public List<String> problems() {
        return LayoutCheck.problems(this);
    }

    public record LockerTypeSpec(
            String slug, String name, String description, Integer widthMm, Integer heightMm, Integer depthMm) {
        public LockerTypeSpec {
            Objects.requireNonNull(slug, "slug");
            Objects.requireNonNull(name, "name");
        }
    }

    /** @param lockerTypes the locker type slug of bank locker number 1, 2, … */
    public record BankTypeSpec(String name, String description, boolean isDebug, List<String> lockerTypes) {
        public BankTypeSpec {
            Objects.requireNonNull(name, "name");
            lockerTypes = List.copyOf(lockerTypes);
        }
    }

    /** @param bankType the name of a bank type of this layout */
    /** @param bankType the bank type's name; {@code null} for a remote location, whose devices decide its lockers */
    public record ControllerSpec(String name, BoardEndpoint endpoint, String bankType) {
        public ControllerSpec {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(endpoint, "endpoint");
            if (bankType == null && !endpoint.protocol().isRemote()) {
                throw new IllegalArgumentException("a board's controller needs a bank type");
            }
        }
    }
}
