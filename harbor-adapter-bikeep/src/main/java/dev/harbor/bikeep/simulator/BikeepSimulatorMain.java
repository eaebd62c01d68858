package dev.harbor.bikeep.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a simulated Bikeep cloud so a person can point Harbor at it.
 *
 * <pre>
 * java -cp harbor-server/target/harbor.jar dev.harbor.bikeep.simulator.BikeepSimulatorMain \
 *     --port 9090 --locations lockers:10,docks:20 --client-id demo --client-secret demo-secret-123 \
 *     [--webhook http://127.0.0.1:8080/bikeep/webhooks --seed S]
 * </pre>
 *
 * Then type commands on stdin ({@code help} lists them) to take devices offline, tap RFID cards or
 * post webhooks.
 */
public final class BikeepSimulatorMain {

    static final String USAGE = """
            usage: BikeepSimulatorMain [--port N] [--locations lockers:N,docks:N,…] [--client-id ID]
                                       [--client-secret SECRET] [--token-lifetime-s N]
                                       [--webhook URL --seed SEED] [--seed SEED]
              --port N           listen on 127.0.0.1:N (default 9090; 0 = any free port)
              --locations        one location per entry: lockers:N (BIKE_LOCKERS, N LOCKER devices) or
                                 docks:N (BIKE_DOCKS, N BIKE_DOCK devices); default lockers:10
              --client-id, --client-secret   the only credentials the token endpoint accepts
                                 (default demo / demo-secret-123)
              --webhook URL      post connection and status webhooks there (needs --seed)
              --seed SEED        the webhook seed the hashes are keyed with
            """;

    static final String CONSOLE_HELP = """
            commands: state DEVICE | offline ID | online ID (a device or a location) | tap DEVICE |
                      release DEVICE | never-secure DEVICE on|off | secure DEVICE | revoke-tokens |
                      webhook TYPE DATA-JSON [wrong] | help | quit
            """;

    private BikeepSimulatorMain() {}

    /** One location to create: {@code BIKE_LOCKERS} or {@code BIKE_DOCKS} with {@code count} devices. */
    record LocationSpec(String type, int count) {}

    /** The command line, read and checked. */
    record Options(BikeepSimulator.Settings settings, List<LocationSpec> locations) {}

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.print(USAGE);
            return;
        }
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        BikeepSimulator sim = launch(options, System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close, "bikeep-sim-shutdown"));
        console(sim, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.out);
        // stdin closed (run in the background): serve until killed
        new CountDownLatch(1).await();
    }

    /** Reads the options; throws {@link IllegalArgumentException} naming the one that is wrong. */
    static Options parse(String[] args) {
        BikeepSimulator.Settings settings = BikeepSimulator.Settings.defaults().withPort(9090);
        List<LocationSpec> locations = List.of(new LocationSpec("BIKE_LOCKERS", 10));
        String clientId = settings.clientId();
        String clientSecret = settings.clientSecret();
        URI webhook = null;
        String seed = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (!option.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + option);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--port" -> settings = settings.withPort(number(option, value, 0, 65_535));
                case "--locations" -> locations = locations(value);
                case "--client-id" -> clientId = nonBlank(option, value);
                case "--client-secret" -> clientSecret = nonBlank(option, value);
                case "--token-lifetime-s" ->
                    settings =
                            settings.withTokenLifetime(Duration.ofSeconds(number(option, value, 1, Integer.MAX_VALUE)));
                case "--webhook" -> webhook = webhookUri(value);
                case "--seed" -> seed = nonBlank(option, value);
                default -> throw new IllegalArgumentException("unknown option: " + option);
            }
        }
        if (webhook != null && seed == null) {
            throw new IllegalArgumentException("--webhook needs --seed: webhooks are hashed with it");
        }
        settings = settings.withClientCredentials(clientId, clientSecret)
                .withWebhookSeed(seed)
                .withWebhookTarget(webhook);
        return new Options(settings, locations);
    }

    /** Starts the simulator with its locations and prints where it is and what it holds. */
    static BikeepSimulator launch(Options options, PrintStream out) {
        BikeepSimulator sim = BikeepSimulator.start(options.settings());
        int n = 0;
        for (LocationSpec spec : options.locations()) {
            n++;
            String name = (spec.type().equals("BIKE_LOCKERS") ? "Lockers " : "Docks ") + n;
            sim.addLocation(spec.type(), name, spec.count());
        }
        out.println("Bikeep simulator at " + sim.baseUri() + " (HARBOR_BIKEEP_AUTH_URL and HARBOR_BIKEEP_API_URL)");
        out.println("client id " + options.settings().clientId() + ", token lifetime "
                + options.settings().tokenLifetime().toSeconds() + " s");
        List<String> ids = sim.locationIds();
        for (int i = 0; i < ids.size(); i++) {
            LocationSpec spec = options.locations().get(i);
            out.println("location " + ids.get(i) + " " + spec.type() + " with " + spec.count() + " devices");
        }
        if (options.settings().webhookTarget() != null) {
            out.println("webhooks go to " + options.settings().webhookTarget());
        }
        return sim;
    }

    /** Serves a person's commands until {@code quit} or the end of the input. */
    static void console(BikeepSimulator sim, BufferedReader in, PrintStream out) throws IOException {
        out.print(CONSOLE_HELP);
        String line;
        while ((line = in.readLine()) != null) {
            String[] words = line.trim().split("\\s+", 3);
            if (words[0].isEmpty()) {
                continue;
            }
            if (words[0].equals("quit")) {
                sim.close();
                System.exit(0);
            }
            try {
                out.println(execute(sim, words));
            } catch (RuntimeException e) {
                out.println("error: " + e.getMessage());
            }
        }
    }

    static String execute(BikeepSimulator sim, String[] words) {
        String id = words.length > 1 ? words[1] : "";
        switch (words[0]) {
            case "state":
                return sim.deviceState(id);
            case "offline":
            case "online":
                boolean online = words[0].equals("online");
                if (sim.locationIds().contains(id)) {
                    sim.setLocationOnline(id, online);
                } else {
                    sim.setDeviceOnline(id, online);
                }
                return id + " " + words[0];
            case "tap":
                sim.takeByRfidTap(id);
                return id + " " + sim.deviceState(id);
            case "release":
                sim.releaseByRfidTap(id);
                return id + " " + sim.deviceState(id);
            case "never-secure":
                sim.neverSecure(id, words.length > 2 && words[2].equals("on"));
                return "ok";
            case "secure":
                sim.secureItem(id);
                return id + " " + sim.deviceState(id);
            case "revoke-tokens":
                sim.revokeTokens();
                return "every token issued so far is refused";
            case "webhook":
                URI target = sim.settings().webhookTarget();
                if (target == null || words.length < 3) {
                    return "webhook needs --webhook and: webhook TYPE DATA-JSON [wrong]";
                }
                String data = words[2];
                boolean wrong = data.endsWith(" wrong");
                if (wrong) {
                    data = data.substring(0, data.length() - " wrong".length());
                }
                return "answered " + sim.postWebhook(target, id, data, !wrong);
            default:
                return CONSOLE_HELP.strip();
        }
    }

    private static List<LocationSpec> locations(String value) {
        List<LocationSpec> specs = new ArrayList<>();
        for (String entry : value.split(",")) {
            String[] parts = entry.trim().split(":");
            if (parts.length != 2) {
                throw new IllegalArgumentException(
                        "--locations entry must be lockers:N or docks:N, not '" + entry + "'");
            }
            String type = switch (parts[0]) {
                case "lockers" -> "BIKE_LOCKERS";
                case "docks" -> "BIKE_DOCKS";
                default ->
                    throw new IllegalArgumentException(
                            "--locations type must be lockers or docks, not '" + parts[0] + "'");
            };
            specs.add(new LocationSpec(type, number("--locations", parts[1], 0, 1000)));
        }
        return List.copyOf(specs);
    }

    private static int number(String option, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                throw new IllegalArgumentException(option + " must be " + min + ".." + max + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, not '" + value + "'");
        }
    }

    private static String nonBlank(String option, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(option + " must not be blank");
        }
        return value;
    }

    private static URI webhookUri(String value) {
        try {
            URI uri = URI.create(value);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException("--webhook must be an http(s) URL, not '" + value + "'");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--webhook must be an http(s) URL, not '" + value + "'");
        }
    }
}
