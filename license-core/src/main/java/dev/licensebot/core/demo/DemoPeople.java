package dev.licensebot.core.demo;

import dev.licensebot.core.users.UserReport;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** The demo tenant's platform users: a fixed cast, so every load names the same people. */
final class DemoPeople {

    private static final String[][] NAMES = {
            {"Anna", "Schmidt"}, {"Ben", "Okafor"}, {"Clara", "Weber"}, {"David", "Nowak"}, {"Elif", "Yilmaz"},
            {"Felix", "Braun"}, {"Greta", "Lindqvist"}, {"Hannes", "Fischer"}, {"Ines", "Moreau"}, {"Jonas", "Wagner"},
            {"Katrin", "Hoffmann"}, {"Luca", "Romano"}, {"Maja", "Kowalski"}, {"Niklas", "Becker"}, {"Olivia", "Brown"},
            {"Paul", "Schulz"}, {"Quinn", "Murphy"}, {"Rosa", "Garcia"}, {"Sven", "Koch"}, {"Tara", "Singh"},
            {"Uwe", "Richter"}, {"Vera", "Klein"}, {"Wei", "Zhang"}, {"Xenia", "Wolf"}, {"Yusuf", "Demir"},
            {"Zoe", "Neumann"}, {"Amir", "Haddad"}, {"Bettina", "Krause"}, {"Carlos", "Silva"}, {"Dana", "Peters"}};

    /** Every sixth person has left: their user license was released. */
    private static final int LEAVER_EVERY = 6;

    private DemoPeople() {
    }

    /** A person of the cast; only active people work in sessions. */
    record Person(UserReport report, boolean active) {
        String username() {
            return report.username();
        }

        String email() {
            return report.email();
        }

        String fullName() {
            return report.firstName() + " " + report.lastName();
        }
    }

    static List<Person> cast() {
        Random random = new Random(DemoData.SEED);
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < NAMES.length; i++) {
            String first = NAMES[i][0];
            String last = NAMES[i][1];
            String username = ascii(first + "." + last);
            String role = i % 10 == 0 ? "supervisor" : i == 7 ? "admin" : "agent";
            UserReport report = new UserReport("u-" + (1001 + i), username, username + "@demo.example", first, last,
                    role, 20 + random.nextInt(380));
            people.add(new Person(report, (i + 1) % LEAVER_EVERY != 0));
        }
        return List.copyOf(people);
    }

    static List<Person> active() {
        return cast().stream().filter(Person::active).toList();
    }

    private static String ascii(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
