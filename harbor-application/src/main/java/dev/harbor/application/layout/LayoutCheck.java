package dev.harbor.application.layout;

import dev.harbor.domain.layout.LockerType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Everything wrong with a layout, listed at once so a person can fix the file in one go. */
final class LayoutCheck {

    private LayoutCheck() {}

    static List<String> problems(Layout layout) {
        List<String> problems = new ArrayList<>();
        Set<String> slugs = new HashSet<>();
        if (layout.lockerTypes().isEmpty()) {
            problems.add("lockerTypes: at least one locker type is needed");
        }
        for (Layout.LockerTypeSpec type : layout.lockerTypes()) {
            if (!LockerType.isValidSlug(type.slug())) {
                problems.add("lockerTypes: slug '" + type.slug() + "' must be 1-64 of [a-z0-9-]");
            }
            if (!slugs.add(type.slug())) {
                problems.add("lockerTypes: slug '" + type.slug() + "' is defined twice");
            }
        }
        Set<String> banks = new HashSet<>();
        for (Layout.BankTypeSpec bank : layout.bankTypes()) {
            if (!banks.add(bank.name())) {
                problems.add("bankTypes: '" + bank.name() + "' is defined twice");
            }
            if (bank.lockerTypes().isEmpty()) {
                problems.add("bankTypes: '" + bank.name() + "' has no lockers");
            }
            for (String slug : bank.lockerTypes()) {
                if (!slugs.contains(slug)) {
                    problems.add("bankTypes: '" + bank.name() + "' uses unknown locker type '" + slug + "'");
                }
            }
        }
        Set<String> names = new HashSet<>();
        for (Layout.ControllerSpec controller : layout.controllers()) {
            if (!names.add(controller.name())) {
                problems.add("controllers: '" + controller.name() + "' is defined twice");
            }
            if (controller.endpoint().protocol().isRemote()) {
                continue; // a remote location's devices decide its lockers
            }
            Layout.BankTypeSpec bank = layout.bankTypes().stream()
                    .filter(b -> b.name().equals(controller.bankType()))
                    .findFirst()
                    .orElse(null);
            if (bank == null) {
                problems.add("controllers: '" + controller.name() + "' uses unknown bank type '" + controller.bankType()
                        + "'");
            } else if (!controller
                    .endpoint()
                    .protocol()
                    .drivesLockCount(bank.lockerTypes().size())) {
                problems.add("controllers: '" + controller.name() + "' has "
                        + bank.lockerTypes().size()
                        + " lockers but a " + controller.endpoint().protocol().id() + " board drives at most "
                        + controller.endpoint().protocol().maxLocks());
            }
        }
        for (int i = 0; i < layout.controllers().size(); i++) {
            for (int j = i + 1; j < layout.controllers().size(); j++) {
                if (layout.controllers()
                        .get(i)
                        .endpoint()
                        .clashesWith(layout.controllers().get(j).endpoint())) {
                    problems.add("controllers: '" + layout.controllers().get(i).name() + "' and '"
                            + layout.controllers().get(j).name()
                            + "' clash on one bus (same board address, or two protocols on one line)");
                }
            }
        }
        return problems;
    }
}
