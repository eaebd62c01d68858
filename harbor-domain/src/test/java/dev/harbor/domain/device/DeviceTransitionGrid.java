package dev.harbor.domain.device;

import static dev.harbor.domain.device.DeviceState.ALLOCATED;
import static dev.harbor.domain.device.DeviceState.BOOKED;
import static dev.harbor.domain.device.DeviceState.LOCKED;
import static dev.harbor.domain.device.DeviceState.LOCKING;
import static dev.harbor.domain.device.DeviceState.UNLOCKED;
import static dev.harbor.domain.device.DeviceState.UNLOCKING;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The spec's transition table written out by hand, independent of the production table: one
 * row per input, one column per kind of device status. A cell is the state the device moves to
 * ({@code !} = the move records an anomaly), {@code ignored} or {@code refused}.
 */
final class DeviceTransitionGrid {

    static final Instant T0 = Instant.parse("2026-02-20T10:00:00Z");
    /** Later than every fixture's deadline, so TIMEOUT always fires where there is a deadline. */
    static final Instant NOW = T0.plus(Duration.ofHours(3));

    static final String HOLDER = "t1";

    // Columns: ALLOC_BK = book pending; ALLOC_LK = lock from UNLOCKED; ALLOC_LKB = lock from BOOKED;
    // BOOKED_NX = booked with no expiry (a Harbor transaction); LOCKING_B = locking from BOOKED.
    private static final String GRID = """
            input                 UNLOCKED   ALLOC_BK   ALLOC_LK   ALLOC_LKB  BOOKED     BOOKED_NX  LOCKING    LOCKING_B  LOCKED     UNLOCKING
            book                  ALLOCATED  refused    refused    refused    refused    refused    refused    refused    refused    refused
            cancel-booking        refused    refused    refused    refused    UNLOCKED   UNLOCKED   refused    refused    refused    refused
            lock                  ALLOCATED  refused    refused    refused    ALLOCATED  ALLOCATED  refused    refused    refused    refused
            unlock                refused    refused    refused    refused    refused    refused    refused    refused    UNLOCKING  refused
            force-lock            LOCKED     LOCKED     LOCKED     LOCKED     LOCKED     LOCKED     LOCKED     LOCKED     ignored    LOCKED
            force-unlock          ignored    UNLOCKED   UNLOCKED   UNLOCKED   UNLOCKED   UNLOCKED   UNLOCKED   UNLOCKED   UNLOCKED   UNLOCKED
            force-cancel-booking  refused    UNLOCKED   UNLOCKED   UNLOCKED   UNLOCKED   UNLOCKED   refused    refused    refused    refused
            ACKNOWLEDGED          ignored    BOOKED     LOCKING    LOCKING    ignored    ignored    ignored    ignored    ignored    ignored
            SECURED               ignored    ignored    ignored    ignored    ignored    ignored    LOCKED     LOCKED     ignored    ignored
            RELEASED              ignored    ignored    ignored    ignored    ignored    ignored    ignored    ignored    ignored    UNLOCKED
            DOOR_OPENED           ignored    ignored    ignored    ignored    LOCKING    LOCKING    ignored    ignored    ignored    UNLOCKED
            DOOR_CLOSED           ignored    ignored    ignored    ignored    ignored    ignored    LOCKED     LOCKED     ignored    ignored
            FAULT                 ignored    ignored    ignored    ignored    ignored    ignored    ignored    ignored    ignored    ignored
            TIMEOUT               ignored    UNLOCKED   UNLOCKED   BOOKED     UNLOCKED   ignored    UNLOCKED!  BOOKED!    ignored    LOCKED!
            """;

    static final Map<String, DeviceStatus> FIXTURES = fixtures();

    /** One cell of the grid. */
    record Cell(String input, String fixture, String expected) {
        DeviceStatus status() {
            return FIXTURES.get(fixture);
        }

        @Override
        public String toString() {
            return fixture + " + " + input + " -> " + expected;
        }
    }

    private DeviceTransitionGrid() {}

    private static final List<Cell> CELLS = parse();

    static List<Cell> cells() {
        return CELLS;
    }

    private static List<Cell> parse() {
        List<String> lines = GRID.lines().filter(line -> !line.isBlank()).collect(Collectors.toList());
        List<String> header = Arrays.asList(lines.get(0).trim().split("\\s+"));
        if (!header.subList(1, header.size()).equals(List.copyOf(FIXTURES.keySet()))) {
            throw new IllegalStateException("grid columns " + header + " do not match fixtures " + FIXTURES.keySet());
        }
        var cells = new ArrayList<Cell>();
        for (String line : lines.subList(1, lines.size())) {
            String[] words = line.trim().split("\\s+");
            if (words.length != header.size()) {
                throw new IllegalStateException("grid row has " + words.length + " cells: " + line);
            }
            for (int column = 1; column < words.length; column++) {
                cells.add(new Cell(words[0], header.get(column), words[column]));
            }
        }
        return List.copyOf(cells);
    }

    /** Every state a device in {@code from} may move to on {@code input}, per the grid. */
    static Set<DeviceState> targets(DeviceState from, String input) {
        return cells().stream()
                .filter(cell -> cell.input().equals(input) && cell.status().state() == from)
                .map(Cell::expected)
                .filter(expected -> !expected.equals("ignored") && !expected.equals("refused"))
                .map(expected -> DeviceState.valueOf(expected.replace("!", "")))
                .collect(Collectors.toSet());
    }

    /** The row name of an input: a command's wire name, an event's name, or TIMEOUT. */
    static String nameOf(DeviceInput input) {
        if (input instanceof DeviceInput.Command command) {
            return command.command().wireName();
        }
        if (input instanceof DeviceInput.Hardware hardware) {
            return hardware.event().name();
        }
        return "TIMEOUT";
    }

    /** The input a row stands for; non-force commands are sent by the fixtures' holder. */
    static DeviceInput input(String name) {
        if (name.equals("TIMEOUT")) {
            return DeviceInput.timeout();
        }
        var command = DeviceCommand.fromWireName(name);
        if (command.isPresent()) {
            if (command.get() == DeviceCommand.BOOK) {
                return DeviceInput.book(HOLDER, BookingExpiry.DEFAULT);
            }
            return command.get().isForce()
                    ? DeviceInput.command(command.get())
                    : DeviceInput.command(command.get(), HOLDER);
        }
        return DeviceInput.event(HardwareEvent.valueOf(name));
    }

    private static Map<String, DeviceStatus> fixtures() {
        Instant hour = T0.plus(Duration.ofHours(1));
        var fixtures = new LinkedHashMap<String, DeviceStatus>();
        fixtures.put("UNLOCKED", DeviceStatus.initial(T0));
        fixtures.put("ALLOC_BK", status(ALLOCATED, T0.plusSeconds(10), BOOKED, UNLOCKED, hour));
        fixtures.put("ALLOC_LK", status(ALLOCATED, T0.plusSeconds(10), LOCKING, UNLOCKED, null));
        fixtures.put("ALLOC_LKB", status(ALLOCATED, T0.plusSeconds(10), LOCKING, BOOKED, hour));
        fixtures.put("BOOKED", status(BOOKED, hour, null, null, null));
        fixtures.put("BOOKED_NX", status(BOOKED, null, null, null, null));
        fixtures.put("LOCKING", status(LOCKING, T0.plusSeconds(60), null, UNLOCKED, null));
        fixtures.put("LOCKING_B", status(LOCKING, T0.plusSeconds(60), null, BOOKED, null));
        fixtures.put("LOCKED", status(LOCKED, null, null, null, null));
        fixtures.put("UNLOCKING", status(UNLOCKING, T0.plusSeconds(30), null, null, null));
        return Collections.unmodifiableMap(fixtures);
    }

    private static DeviceStatus status(
            DeviceState state, Instant timeoutAt, DeviceState pending, DeviceState returnTo, Instant bookingExpiresAt) {
        return new DeviceStatus(state, T0, timeoutAt, HOLDER, pending, returnTo, bookingExpiresAt);
    }
}
