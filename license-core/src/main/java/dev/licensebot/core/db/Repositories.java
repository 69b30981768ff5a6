package dev.licensebot.core.db;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.extension.ExtensionContext;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.core.extension.HandleSupplier;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The core's one way to reach SQL: SqlObject repositories (SQL next to them, parameters bound),
 * attached once per Jdbi and run on the handle the use case opened on the calling thread, so they
 * join its transaction and the deadlock retry of {@link Database#jdbiFor} runs them again with the
 * rest. A use case opens the handle ({@code jdbi.inTransaction}, {@code jdbi.withHandle}) and takes
 * repositories with {@link #of}; a single read that needs no transaction of its own is
 * {@link #with}.
 *
 * <p>Why not Jdbi's {@code Handle.attach} or {@code withExtension}: they build a handler, and copy
 * the configuration, for every method of the interface on every call, which costs more CPU than a
 * whole statement on the hot paths (allocation, heartbeat, logout; measured in bench/NOTES.md, "Why
 * `Handle.attach` costs more than a fluent statement"). Attached once, a call costs what the fluent
 * statement costs. The handlers are stateless after the attach, so one instance serves every thread.
 *
 * <p>Outside a handle {@link #of} throws rather than open a handle of its own, as Jdbi's
 * {@code onDemand} would: that would quietly run outside the caller's transaction. Statements see
 * the Jdbi's configuration as it was at the first attach, not registrations made on one handle.
 */
public final class Repositories {

    private final Jdbi jdbi;
    private final HandleSupplier threadsHandle;
    private final Map<Class<?>, Object> attached = new ConcurrentHashMap<>();

    public Repositories(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.threadsHandle = new ThreadsHandle(jdbi);
    }

    /**
     * The repository of {@code type}, running on this thread's open handle. Throws
     * IllegalStateException when no handle of this Jdbi is open on the thread, here or at any
     * later call of the repository.
     */
    public <T> T of(Class<T> type) {
        requireOpenHandle(jdbi);
        return type.cast(attached.computeIfAbsent(type, this::attach));
    }

    /** One read on a handle of its own, for a use case that needs nothing else in that handle. */
    public <T, R> R with(Class<T> type, Function<T, R> read) {
        return jdbi.withHandle(h -> read.apply(of(type)));
    }

    private Object attach(Class<?> type) {
        return jdbi.getConfig(Extensions.class).findFor(type, threadsHandle)
                .orElseThrow(() -> new IllegalArgumentException(type.getName() + " is not a SqlObject repository"));
    }

    private static HandleSupplier requireOpenHandle(Jdbi jdbi) {
        HandleSupplier open = jdbi.getHandleScope().get();
        if (open == null) {
            throw new IllegalStateException("No handle is open on this thread: call the repository inside "
                    + "jdbi.withHandle or jdbi.inTransaction, whose handle and transaction it joins");
        }
        return open;
    }

    /** Whatever handle the Jdbi's handle scope holds for the calling thread at each call. */
    private record ThreadsHandle(Jdbi jdbi) implements HandleSupplier {

        @Override
        public Handle getHandle() {
            return requireOpenHandle(jdbi).getHandle();
        }

        @Override
        public Jdbi getJdbi() {
            return jdbi;
        }

        @Override
        public ConfigRegistry getConfig() {
            return jdbi.getConfig();
        }

        @Override
        public <V> V invokeInContext(ExtensionContext extensionContext, Callable<V> task) throws Exception {
            return requireOpenHandle(jdbi).invokeInContext(extensionContext, task);
        }
    }
}
