package dev.licensebot.server.console;

import dev.licensebot.core.access.Actor;
import dev.licensebot.core.conversation.Answer;
import dev.licensebot.core.conversation.Conversation;
import dev.licensebot.core.conversation.LicenseRequest;
import dev.licensebot.core.conversation.Press;
import dev.licensebot.core.tenant.Tenant;
import dev.licensebot.core.time.TenantTime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;

/**
 * The chat, in a terminal: a line typed is a message to the core's {@link Conversation}, parsed and
 * answered as a Slack command or a Teams message is, and {@link ConsoleText} shows the answer.
 * Confirmations are answered by typing; `next`/`prev` page the last list.
 */
public final class Console {

    static final String PROMPT = "licenses> ";
    static final String CONFIRM_PROMPT = "confirm> ";
    private static final Set<String> QUIT = Set.of("quit", "exit", "bye", "q");
    private static final Set<String> NEXT = Set.of("next", "n", "more");
    private static final Set<String> PREVIOUS = Set.of("prev", "previous", "p", "back");
    private static final Set<String> YES = Set.of("yes", "y");

    private final ConsoleUser who;
    private final ConsoleText text;
    private final BufferedReader in;
    private final PrintWriter out;
    private final Clock clock;
    private Pager lastList;

    public Console(ConsoleUser who, BufferedReader in, PrintWriter out, Clock clock) {
        this.who = who;
        this.text = new ConsoleText(who.caller());
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
        Tenant tenant = who.caller().tenant();
        Actor actor = who.caller().actor();
        out.println("licensebot console: tenant \"" + tenant.name() + "\" (" + tenant.id() + ") as " + actor.name()
                + ", " + actor.role().withArticle() + ". Times are in " + tenant.zone().getId() + ", where it is "
                + TenantTime.timeWithZone(clock.instant(), tenant.zone()) + " now.");
        out.println("Ask as you would in Slack or Teams: usage, active, history sessions, terminate ID, help. "
                + "quit leaves.");
    }

    /** One message and its answer; false when the input ended while a confirmation was waiting. */
    private boolean turn(String line) throws IOException {
        Answer answer = ask(line);
        if (answer == null) {
            return true;
        }
        Reply reply = answer.render(text);
        out.println(reply.text());
        if (reply.pager() != null) {
            lastList = reply.pager();
        }
        return reply.confirmationId() == null || confirm(reply.confirmationId());
    }

    /**
     * `next`/`prev` ask for the neighbouring page of the last list with its own words; anything else
     * is a message. Null when there is nothing to page to (and says so).
     */
    private Answer ask(String line) {
        boolean next = NEXT.contains(lower(line));
        if (!next && !PREVIOUS.contains(lower(line))) {
            return who.conversation().answer(who.caller(), line);
        }
        if (lastList == null) {
            out.println("There is no list to page through yet; try active or history sessions.");
            return null;
        }
        LicenseRequest request = next ? lastList.next() : lastList.previous();
        if (request == null) {
            out.println("That was the " + (next ? "last" : "first") + " page (" + lastList.position() + ").");
            return null;
        }
        return who.conversation().answer(who.caller(), request);
    }

    /** Yes confirms; anything else, and leaving, cancels: nothing is left waiting for someone else's terminal. */
    private boolean confirm(String confirmationId) throws IOException {
        String answer = read(CONFIRM_PROMPT);
        Press press = answer != null && YES.contains(lower(answer))
                ? new Press.Confirm(confirmationId) : new Press.Cancel(confirmationId);
        out.println(who.conversation().press(who.caller(), press).render(text).text());
        return answer != null;
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
