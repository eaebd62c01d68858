package dev.harbor.persistence;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Counts what reaches the database driver: every statement executed (a batch counts once) and
 * every commit and rollback, each one a round trip to a PostgreSQL server. Wraps a data source
 * so that the pool above it, and everything above the pool, goes through the count.
 */
final class RoundTrips {

    private static final Set<String> EXECUTES = Set.of(
            "execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "executeBatch", "executeLargeBatch");
    private static final Set<String> ENDS = Set.of("commit", "rollback");

    private static final String AUTO_COMMIT = " (auto-commit)";

    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean counting;

    DataSource around(DataSource source) {
        return proxy(DataSource.class, source, (target, method, args) -> {
            Object result = invoke(target, method, args);
            return result instanceof Connection c ? connection(c) : result;
        });
    }

    /** Runs {@code work} and returns what it sent, one line per round trip. */
    List<String> during(Runnable work) {
        synchronized (calls) {
            calls.clear();
        }
        counting = true;
        try {
            work.run();
        } finally {
            counting = false;
        }
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** Whether a call in the list {@link #during} returns ends in a commit: a flush to disk. */
    static boolean commits(String call) {
        return call.equals("COMMIT")
                || call.contains(AUTO_COMMIT + ": ")
                        && !call.substring(call.indexOf(": ") + 2).startsWith("SELECT");
    }

    private Connection connection(Connection connection) {
        return proxy(Connection.class, connection, (target, method, args) -> {
            if (ENDS.contains(method.getName())) {
                count(method.getName().toUpperCase(java.util.Locale.ROOT));
            }
            Object result = invoke(target, method, args);
            if (result instanceof CallableStatement s) {
                return statement(CallableStatement.class, s, (String) args[0]);
            }
            if (result instanceof PreparedStatement s) {
                return statement(PreparedStatement.class, s, (String) args[0]);
            }
            if (result instanceof Statement s) {
                return statement(Statement.class, s, null);
            }
            return result;
        });
    }

    private <S extends Statement> S statement(Class<S> type, S statement, String prepared) {
        return proxy(type, statement, (target, method, args) -> {
            if (EXECUTES.contains(method.getName())) {
                String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : prepared;
                boolean alone = ((Statement) target).getConnection().getAutoCommit();
                count(method.getName() + (alone ? AUTO_COMMIT : "") + ": " + sql);
            }
            return invoke(target, method, args);
        });
    }

    private void count(String call) {
        if (counting) {
            calls.add(call);
        }
    }

    private interface Call {
        Object on(Object target, Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Call call) {
        InvocationHandler handler = (proxy, method, args) -> call.on(target, method, args);
        return (T) Proxy.newProxyInstance(RoundTrips.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
