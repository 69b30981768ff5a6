package dev.licensebot.server.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void logFormatPicksTheConfigurationAndRefusesATypo() {
        assertEquals(LogFormat.TEXT, LogFormat.fromEnvironment(Map.of()));
        assertEquals(LogFormat.TEXT, LogFormat.fromEnvironment(Map.of("LOG_FORMAT", "text")));
        assertEquals(Optional.of("logback-json.xml"), LogFormat.fromEnvironment(Map.of("LOG_FORMAT", " JSON ")).configuration());
        assertEquals(Optional.empty(), LogFormat.TEXT.configuration());
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class,
                () -> LogFormat.fromEnvironment(Map.of("LOG_FORMAT", "jsno")));
        assertTrue(typo.getMessage().contains("jsno"), typo.getMessage());
    }

    @Test
    void theJsonConfigurationWritesOneParseableJsonObjectPerLine() throws Exception {
        OutputStreamAppender<ILoggingEvent> appender = stderrAppenderOf("logback-json.xml");
        Logger logger = ((LoggerContext) appender.getContext()).getLogger("dev.licensebot.audit");
        LoggingEvent audit = new LoggingEvent("x", logger, Level.INFO, "Audit: {} by {}", null,
                new Object[] {"TERMINATE", "ann@example.com"});
        audit.setKeyValuePairs(List.of(new KeyValuePair("tenant", "t-1"), new KeyValuePair("surface", "SLACK")));
        LoggingEvent failure = new LoggingEvent("x", logger, Level.ERROR, "It failed\non two lines",
                new IllegalStateException("boom"), null);

        String written = new String(appender.getEncoder().encode(audit), StandardCharsets.UTF_8)
                + new String(appender.getEncoder().encode(failure), StandardCharsets.UTF_8);

        List<String> lines = written.lines().toList();
        assertEquals(2, lines.size(), written);
        JsonNode first = JSON.readTree(lines.get(0));
        assertEquals("INFO", first.path("level").asText());
        assertEquals("Audit: TERMINATE by ann@example.com", first.path("formattedMessage").asText());
        assertTrue(first.path("kvpList").toString().contains("\"tenant\":\"t-1\""), first.toString());
        JsonNode second = JSON.readTree(lines.get(1));
        assertEquals("It failed\non two lines", second.path("formattedMessage").asText());
        assertEquals("boom", second.path("throwable").path("message").asText(), second.toString());
    }

    @Test
    void theReadableConfigurationStaysReadable() throws Exception {
        OutputStreamAppender<ILoggingEvent> appender = stderrAppenderOf("logback.xml");
        LoggerContext context = (LoggerContext) appender.getContext();
        LoggingEvent event = new LoggingEvent("x", context.getLogger("dev.licensebot.Some"), Level.WARN,
                "Careful", null, null);

        String line = new String(appender.getEncoder().encode(event), StandardCharsets.UTF_8);

        assertTrue(line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  dev\\.licensebot\\.Some - Careful\\R"), line);
        assertEquals(Level.WARN, context.getLogger("org.eclipse.jetty").getLevel(), "levels shared by include");
    }

    /** Configures a context of its own from the server's file, as start-up would; the appender is not started. */
    @SuppressWarnings("unchecked")
    private static OutputStreamAppender<ILoggingEvent> stderrAppenderOf(String resource) throws JoranException,
            IOException {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        URL url = LogFormatTest.class.getClassLoader().getResource(resource);
        assertNotNull(url, resource);
        configurator.doConfigure(url);
        OutputStreamAppender<ILoggingEvent> appender =
                (OutputStreamAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
        assertNotNull(appender, "the STDERR appender of " + resource);
        return appender;
    }
}
