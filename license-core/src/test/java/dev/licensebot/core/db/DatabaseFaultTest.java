package dev.licensebot.core.db;

import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which failures are run again, which mean the database is away, and which are neither. */
class DatabaseFaultTest {

    @Test
    void galerasCertificationFailureIsAConflictAsMariaDbReportsIt() {
        SQLException certification = new SQLTransactionRollbackException(
                "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213);

        assertEquals(DatabaseFault.CONFLICT, DatabaseFault.of(new UnableToExecuteStatementException(certification, null)));
    }

    @Test
    void aLockWaitTimeoutIsAConflictThoughItsSqlStateIsGeneral() {
        assertEquals(DatabaseFault.CONFLICT, DatabaseFault.of(
                new SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205)));
    }

    @Test
    void aPoolThatWaitedInVainAndAGaleraNodeOutsideThePrimaryComponentMeanTheDatabaseIsAway() {
        assertEquals(DatabaseFault.CONNECTION, DatabaseFault.of(new SQLTransientConnectionException(
                "licensebot - Connection is not available, request timed out after 1500ms")));
        assertEquals(DatabaseFault.CONNECTION, DatabaseFault.of(
                new SQLException("WSREP has not yet prepared node for application use", "08S01", 1047)));
        assertEquals(DatabaseFault.CONNECTION, DatabaseFault.of(new SQLException(
                "Driver has reconnect connection after a communications failure", "25S03")));
    }

    @Test
    void aDuplicateKeyIsNeitherAndNothingAlreadyAnsweredIsClassifiedAgain() {
        assertEquals(DatabaseFault.OTHER, DatabaseFault.of(
                new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062)));
        assertEquals(DatabaseFault.OTHER, DatabaseFault.of(
                new DatabaseUnavailable(new SQLTransientConnectionException("timed out"))));
    }
}
