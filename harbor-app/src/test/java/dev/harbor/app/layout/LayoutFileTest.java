package dev.harbor.app.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.application.layout.Layout;
import dev.harbor.domain.controller.Protocol;
import dev.harbor.domain.controller.ProtocolOptions;
import dev.harbor.domain.controller.Transport;
import org.junit.jupiter.api.Test;

class LayoutFileTest {

    private static final String LAYOUT = """
            {
              "lockerTypes": [
                { "slug": "small", "name": "Small", "widthMm": 400, "heightMm": 100, "depthMm": 600 },
                { "slug": "bike", "name": "Bike", "description": "E-bike with charger" }
              ],
              "bankTypes": [
                { "name": "Tower 4", "lockers": ["small", "small", "small", "bike"] }
              ],
              "controllers": [
                { "name": "Tower A", "protocol": "kerong-cu16", "bankType": "Tower 4", "boardAddress": 1,
                  "transport": { "type": "serial", "port": "/dev/ttyUSB0" } },
                { "name": "Tower B", "protocol": "xor8a", "bankType": "Tower 4", "boardAddress": 3,
                  "transport": { "type": "tcp", "host": "10.0.0.7", "port": 5000 },
                  "options": { "feedbackPolarity": "SET_MEANS_OPEN" } }
              ]
            }
            """;

    @Test
    void a_layout_file_describes_types_banks_and_controllers() {
        Layout layout = LayoutFile.parse(LAYOUT);

        assertThat(layout.lockerTypes()).extracting(Layout.LockerTypeSpec::slug).containsExactly("small", "bike");
        assertThat(layout.bankTypes().get(0).lockerTypes()).containsExactly("small", "small", "small", "bike");
        Layout.ControllerSpec towerA = layout.controllers().get(0);
        assertThat(towerA.endpoint().protocol()).isEqualTo(Protocol.KERONG_CU16);
        assertThat(towerA.endpoint().transport()).isEqualTo(new Transport.Serial("/dev/ttyUSB0", 19_200));
        assertThat(towerA.endpoint().boardAddress()).isEqualTo(1);
        Layout.ControllerSpec towerB = layout.controllers().get(1);
        assertThat(towerB.endpoint().transport()).isEqualTo(new Transport.Tcp("10.0.0.7", 5000));
        assertThat(towerB.endpoint().options().feedbackPolarity())
                .isEqualTo(ProtocolOptions.FeedbackPolarity.SET_MEANS_OPEN);
    }

    @Test
    void a_kerong_cu48_serial_board_without_a_baud_rate_gets_its_factory_setting_of_19200() {
        Layout layout = LayoutFile.parse("""
                { "lockerTypes": [ { "slug": "small", "name": "Small" } ],
                  "bankTypes": [ { "name": "One", "lockers": ["small"] } ],
                  "controllers": [ { "name": "Wall", "protocol": "kerong-cu48", "bankType": "One", "boardAddress": 0,
                                     "transport": { "type": "serial", "port": "/dev/ttyUSB1" } } ] }
                """);

        assertThat(layout.controllers().get(0).endpoint().transport())
                .isEqualTo(new Transport.Serial("/dev/ttyUSB1", 19_200));
    }

    @Test
    void every_problem_of_a_bad_layout_is_named_with_its_place() {
        String bad = """
                { "lockerTypes": [ { "slug": "Small Box" } ],
                  "controllers": [ { "name": "X", "protocol": "kerong-cu99", "bankType": "B" },
                                   { "name": "Y", "protocol": "xor8a", "bankType": "B", "boardAddress": 40,
                                     "transport": { "type": "serial", "port": "/dev/ttyS0" } } ] }
                """;

        assertThatThrownBy(() -> LayoutFile.parse(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lockerTypes[0].name")
                .hasMessageContaining("controllers[0].protocol")
                .hasMessageContaining("(controllers[1].boardAddress): board address 40 is out of range");
    }

    @Test
    void a_file_that_is_not_json_is_refused_clearly() {
        assertThatThrownBy(() -> LayoutFile.parse("{ lockerTypes: "))
                .hasMessageContaining("line 1, column 3: not valid JSON");
    }

    @Test
    void the_demo_layout_has_two_simulated_boards_of_sixteen_lockers_in_three_sizes() {
        Layout demo = DemoLayout.create();

        assertThat(demo.controllers())
                .hasSize(2)
                .allSatisfy(c -> assertThat(c.endpoint().transport()).isInstanceOf(Transport.Simulated.class));
        assertThat(demo.bankTypes())
                .singleElement()
                .satisfies(b -> assertThat(b.lockerTypes()).hasSize(16).containsOnly("small", "medium", "large"));
    }

    @Test
    void a_bikeep_location_is_a_controller_without_a_bank_type() {
        Layout layout = LayoutFile.parse("""
                { "lockerTypes": [ { "slug": "small", "name": "Small" } ], "bankTypes": [],
                  "controllers": [ { "name": "Station B", "protocol": "bikeep",
                                     "transport": { "type": "bikeep", "locationId": "b2c3d4e5-0001" } } ] }
                """);

        Layout.ControllerSpec station = layout.controllers().get(0);
        assertThat(station.endpoint().protocol()).isEqualTo(Protocol.BIKEEP);
        assertThat(station.endpoint().transport()).isEqualTo(new Transport.Bikeep("b2c3d4e5-0001"));
        assertThat(station.bankType()).isNull();
    }

    @Test
    void a_bikeep_location_with_a_bank_type_or_a_board_address_is_refused() {
        assertThatThrownBy(() -> LayoutFile.parse("""
                        { "lockerTypes": [ { "slug": "small", "name": "Small" } ],
                          "bankTypes": [ { "name": "One", "lockers": ["small"] } ],
                          "controllers": [ { "name": "Station B", "protocol": "bikeep", "bankType": "One",
                                             "transport": { "type": "bikeep", "locationId": "b2c3" } } ] }
                        """))
                .hasMessageContaining("bankType")
                .hasMessageContaining("its devices decide its lockers");
        assertThatThrownBy(() -> LayoutFile.parse("""
                        { "lockerTypes": [], "bankTypes": [],
                          "controllers": [ { "name": "Station B", "protocol": "bikeep", "boardAddress": 2,
                                             "transport": { "type": "bikeep", "locationId": "b2c3" } } ] }
                        """)).hasMessageContaining("boardAddress");
    }

    @Test
    void a_misspelled_board_address_and_port_are_both_refused_with_line_column_and_path_in_one_message() {
        String misspelled = """
                { "lockerTypes": [ { "slug": "small", "name": "Small" } ],
                  "bankTypes": [ { "name": "One", "lockers": ["small"] } ],
                  "controllers": [ { "name": "Wall", "protocol": "kerong-cu48", "bankType": "One",
                                     "boardAdress": 4,
                                     "transport": { "type": "tcp", "host": "127.0.0.1", "prot": 5001 } } ] }
                """;

        assertThatThrownBy(() -> LayoutFile.parse(misspelled))
                .isInstanceOfSatisfying(
                        InvalidLayoutException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "line 4, column 22 (controllers[0].boardAdress): unknown key; did you mean \"boardAddress\"?",
                                        "line 5, column 73 (controllers[0].transport.prot): Unknown field 'transport.prot' for a tcp transport"));
    }

    @Test
    void unknown_keys_are_refused_at_the_top_and_in_locker_and_bank_types() {
        String layout = """
                { "lockerType": [],
                  "lockerTypes": [ { "slug": "small", "name": "Small", "widthMM": 400 } ],
                  "bankTypes": [ { "name": "One", "lockers": ["small"], "debug": true } ] }
                """;

        assertThatThrownBy(() -> LayoutFile.parse(layout))
                .isInstanceOfSatisfying(
                        InvalidLayoutException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "line 1, column 3 (lockerType): unknown key; did you mean \"lockerTypes\"?",
                                        "line 2, column 56 (lockerTypes[0].widthMM): unknown key; did you mean \"widthMm\"?",
                                        "line 3, column 57 (bankTypes[0].debug): unknown key; did you mean \"isDebug\"?"));
    }

    @Test
    void a_key_given_twice_is_refused_rather_than_the_last_one_silently_winning() {
        String layout = """
                { "lockerTypes": [ { "slug": "small", "name": "Small", "name": "Large" } ] }
                """;

        assertThatThrownBy(() -> LayoutFile.parse(layout))
                .isInstanceOfSatisfying(
                        InvalidLayoutException.class,
                        e -> assertThat(e.problems())
                                .containsExactly("line 1, column 56 (lockerTypes[0].name): given twice; keep one"));
    }

    @Test
    void json_that_does_not_parse_is_named_by_line_and_column_in_plain_words() {
        assertThatThrownBy(() -> LayoutFile.parse("{\n  \"lockerTypes\": [\n"))
                .isInstanceOfSatisfying(InvalidLayoutException.class, e -> {
                    assertThat(e.problems()).singleElement().asString().startsWith("line 3, column 1: not valid JSON");
                    assertThat(e.getMessage()).doesNotContain("Source", "StreamReadFeature", "REDACTED");
                });
    }

    @Test
    void names_that_do_not_match_across_the_file_are_found_before_anything_is_opened() {
        String layout = """
                { "lockerTypes": [ { "slug": "small", "name": "Small" } ],
                  "bankTypes": [ { "name": "One", "lockers": ["small", "huge"] } ],
                  "controllers": [ { "name": "Wall", "protocol": "kerong-cu48", "bankType": "Two", "boardAddress": 1,
                                     "transport": { "type": "simulated", "bus": "a" } } ] }
                """;

        assertThatThrownBy(() -> LayoutFile.parse(layout))
                .isInstanceOfSatisfying(
                        InvalidLayoutException.class,
                        e -> assertThat(e.problems())
                                .anyMatch(p -> p.contains("(bankTypes)") && p.contains("unknown locker type 'huge'"))
                                .anyMatch(p -> p.contains("(controllers)") && p.contains("unknown bank type 'Two'")));
    }

    @Test
    void a_layout_file_that_cannot_be_read_names_the_file() {
        assertThatThrownBy(() -> LayoutFile.read(java.nio.file.Path.of("/nonexistent/layout.json")))
                .isInstanceOf(InvalidLayoutException.class)
                .hasMessageStartingWith("the layout file /nonexistent/layout.json has 1 problem:");
    }
}
