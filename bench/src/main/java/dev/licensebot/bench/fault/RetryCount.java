package dev.licensebot.bench.fault;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts the transactions the server ran again, and those it gave up, from RetryingTransactions' log. */
final class RetryCount extends AppenderBase<ILoggingEvent> {

    final AtomicInteger retried = new AtomicInteger();
    final AtomicInteger givenUp = new AtomicInteger();

    static RetryCount install() {
        RetryCount count = new RetryCount();
        Logger logger = (Logger) LoggerFactory.getLogger("dev.licensebot.core.db.RetryingTransactions");
        count.setContext(logger.getLoggerContext());
        count.start();
        logger.addAppender(count);
        return count;
    }

    @Override
    protected void append(ILoggingEvent event) {
        String message = event.getMessage();
        if (message.contains("running it again")) {
            retried.incrementAndGet();
        } else if (message.contains("given up")) {
            givenUp.incrementAndGet();
        }
    }
}
