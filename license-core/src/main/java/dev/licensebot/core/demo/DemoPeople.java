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
    /** Every fifth person (from the third on) who stayed joined within the last weeks. */
    private static final int NEW_HIRE_EVERY = 5;

    private DemoPeople() {
    }

    /**
     * A person of the cast; only active people work in sessions. They got their user license
     * {@code joinedDaysAgo} days ago at {@code minuteOfDay}, and leavers gave it back
     * {@code leftDaysAgo} days ago (0 for those who stayed), always on a weekday in office hours.
     */
    record Person(UserReport report, boolean active, int joinedDaysAgo, int leftDaysAgo, int minuteOfDay) {
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
        // Its own sequence, so the people's details stay what they were before they had a past.
        Random schedule = new Random(DemoData.SEED + 1);
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < NAMES.length; i++) {
            String first = NAMES[i][0];
            String last = NAMES[i][1];
            String username = ascii(first + "." + last);
            String role = i % 10 == 0 ? "supervisor" : i == 7 ? "admin" : "agent";
            UserReport report = new UserReport("u-" + (1001 + i), username, username + "@demo.example", first, last,
                    role, 20 + random.nextInt(380));
            boolean leaver = (i + 1) % LEAVER_EVERY == 0;
            boolean newHire = !leaver && i % NEW_HIRE_EVERY == 2;
            // Most have been here for months; new hires and leavers spread over the last four weeks.
            int joined = newHire ? 1 + schedule.nextInt(18) : 35 + schedule.nextInt(85);
            int left = leaver ? 2 + 5 * (i / LEAVER_EVERY) + schedule.nextInt(4) : 0;
            people.add(new Person(report, !leaver, joined, left, 8 * 60 + 30 + schedule.nextInt(8 * 60)));
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
