package dev.licensebot.server.console;

import dev.licensebot.core.Refusal;
import dev.licensebot.core.conversation.LicenseRequest;
import dev.licensebot.core.conversation.RequestParser;
import dev.licensebot.core.time.TenantTime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The chat, in a terminal: a line typed is a message to the bot, parsed by the core's
 * {@link RequestParser} like a Slack command or a Teams message, and answered with the same core
 * results as text. Confirmations are answered by typing; `next`/`prev` page the last list.
 */
public final class Console {

    static final String PROMPT = "licenses> ";
    static final String CONFIRM_PROMPT = "confirm> ";
    private static final Set<String> QUIT = Set.of("quit", "exit", "bye", "q");
    private static final Set<String> NEXT = Set.of("next", "n", "more");
    private static final Set<String> PREVIOUS = Set.of("prev", "previous", "p", "back");
    private static final Set<String> YES = Set.of("yes", "y");

    private final ConsoleUser who;
    private final Answers answers;
    private final BufferedReader in;
    private final PrintWriter out;
    private final Clock clock;
    private Pager lastList;

    public Console(ConsoleUser who, BufferedReader in, PrintWriter out, Clock clock) {
        this.who = who;
        this.answers = Answers.wired();
        this.in = in;
        this.out = out;
        this.clock = clock;
    }

    /** Until quit, exit or the end of input; a pending confirmation left at the end is cancelled. */
    public void run() throws IOException {
        greet();
        while (true) {
            String line = read(PROMPT);
            if (line == null || QUIT.contains(lower(line))) {
                return;
            }
            if (!line.isBlank() && !turn(line.strip())) {
                return;
            }
        }
    }

    private void greet() {
        out.println("licensebot console: tenant \"" + who.tenant().name() + "\" (" + who.tenant().id() + ") as "
                + who.actor().name() + ", " + who.actor().role().withArticle() + ". Times are in "
                + who.tenant().zone().getId() + ", where it is "
                + TenantTime.timeWithZone(clock.instant(), who.tenant().zone()) + " now.");
        out.println("Ask as you would in Slack or Teams: usage, active, history sessions, terminate ID, help. "
                + "quit leaves.");
    }

    /** One message and its answer; false when the input ended while a confirmation was waiting. */
    private boolean turn(String line) throws IOException {
        LicenseRequest request = paging(line);
        if (request == null) {
            return true;
        }
        Reply reply;
        try {
            reply = answers.answer(request, who);
        } catch (Refusal refusal) {
            out.println(oneLine(refusal));
            return true;
        }
        out.println(reply.text());
        if (reply.pager() != null) {
            lastList = reply.pager();
        }
        return reply.pending() == null || confirm(reply.pending());
    }

    /**
     * `next`/`prev` ask for the neighbouring page of the last list with its own words; anything else
     * is parsed as a message. Null when there is nothing to page to (and says so).
     */
    private LicenseRequest paging(String line) {
        boolean next = NEXT.contains(lower(line));
        if (!next && !PREVIOUS.contains(lower(line))) {
            return parse(line);
        }
        if (lastList == null) {
            out.println("There is no list to page through yet; try active or history sessions.");
            return null;
        }
        LicenseRequest request = next ? lastList.next() : lastList.previous();
        if (request == null) {
            out.println("That was the " + (next ? "last" : "first") + " page (" + lastList.position() + ").");
        }
        return request;
    }

    private LicenseRequest parse(String line) {
        try {
            return RequestParser.parse(line);
        } catch (Refusal refusal) {
            out.println(oneLine(refusal));
            return null;
        }
    }

    private boolean confirm(Pending pending) throws IOException {
        String answer = read(CONFIRM_PROMPT);
        if (answer == null) {
            // Leaving does not leave the action waiting for someone else's terminal.
            out.println(safely(pending::cancel));
            return false;
        }
        out.println(YES.contains(lower(answer)) ? safely(pending::confirm) : safely(pending::cancel));
        return true;
    }

    private String read(String prompt) throws IOException {
        out.print(prompt);
        out.flush();
        String line = in.readLine();
        if (line == null) {
            out.println();
        }
        return line;
    }

    private static String safely(Supplier<String> action) {
        try {
            return action.get();
        } catch (Refusal refusal) {
            return oneLine(refusal);
        }
    }

    /** A refusal is one line at the console, as it is one sentence in chat. */
    static String oneLine(Refusal refusal) {
        return plain(refusal.userMessage().replaceAll("\\s*[\\r\\n]+\\s*", " ").strip());
    }

    /**
     * The core's sentences mark what to type as code (`history users`), which Slack and Teams show
     * as code; a terminal would show the backticks, so the words stand plain here.
     */
    public static String plain(String sentence) {
        return sentence.replaceAll("`([^`\\r\\n]+)`", "$1");
    }

    private static String lower(String line) {
        return line == null ? "" : line.strip().toLowerCase(Locale.ROOT);
    }
}
