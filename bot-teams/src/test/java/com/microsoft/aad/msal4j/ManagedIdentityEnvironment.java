package com.microsoft.aad.msal4j;

import java.util.Map;

/**
 * msal4j finds its managed identity endpoint in environment variables a running JVM cannot set;
 * this is the seam msal4j's own tests use (package-private, hence this package), so that tests
 * can point it at a fake endpoint as Azure App Service would with IDENTITY_ENDPOINT and IDENTITY_HEADER.
 */
public final class ManagedIdentityEnvironment {

    private ManagedIdentityEnvironment() {
    }

    /** From now on msal4j reads these variables instead of the process's. */
    public static void use(Map<String, String> variables) {
        ManagedIdentityApplication.setEnvironmentVariables(variables::get);
    }

    /** Back to the process's own environment. */
    public static void reset() {
        ManagedIdentityApplication.setEnvironmentVariables(null);
    }
}
