package dev.licensebot.core.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Provides one invocation per database, each with the {@link TestDatabase} as a parameter. */
public class BothDatabasesExtension implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return Stream.of(invocation("H2", TestDatabases::h2, null), mariaDb());
    }

    static TestTemplateInvocationContext mariaDb() {
        return invocation("MariaDB", () -> TestDatabases.mariaDb().orElseThrow(
                () -> new IllegalStateException(TestDatabases.mariaDbUnavailable())), new MariaDbCondition());
    }

    private static TestTemplateInvocationContext invocation(String name, Supplier<TestDatabase> database,
                                                            ExecutionCondition condition) {
        return new TestTemplateInvocationContext() {
            @Override
            public String getDisplayName(int invocationIndex) {
                return "[" + name + "]";
            }

            @Override
            public List<Extension> getAdditionalExtensions() {
                ParameterResolver resolver = new DatabaseResolver(database);
                return condition == null ? List.of(resolver) : List.of(condition, resolver);
            }
        };
    }

    /** Elsewhere than CI, a missing MariaDB skips its runs with a visible reason; in CI they fail. */
    private static final class MariaDbCondition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (TestDatabases.mariaDb().isPresent() || TestDatabases.mariaDbRequired()) {
                return ConditionEvaluationResult.enabled("MariaDB is required or reachable");
            }
            return ConditionEvaluationResult.disabled("SKIPPED: " + TestDatabases.mariaDbUnavailable());
        }
    }

    /**
     * Hands out the database, and after the test unlinks every Teams organization it linked: the
     * run's database is shared, and a server without Teams authentication refuses to start while
     * any organization is linked (issue 21), which would fail whichever test starts one next.
     */
    private static final class DatabaseResolver implements ParameterResolver, AfterEachCallback {
        private final Supplier<TestDatabase> database;
        private TestDatabase resolved;

        DatabaseResolver(Supplier<TestDatabase> database) {
            this.database = database;
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == TestDatabase.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            resolved = database.get();
            return resolved;
        }

        @Override
        public void afterEach(ExtensionContext context) {
            if (resolved != null) {
                resolved.jdbi().useHandle(h -> h.execute("DELETE FROM teams_tenant_link"));
            }
        }
    }

    /** The MariaDB invocation alone. */
    public static final class MariaDbOnly extends BothDatabasesExtension {
        @Override
        public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
            return Stream.of(mariaDb());
        }
    }
}
