package dev.harbor.app.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Times every call through a port to a remote site's cloud (Bikeep): {@code harbor.bikeep.calls}
 * by operation (the port's method), outcome ({@code ok} or {@code error}) and error (the
 * exception's class, {@code none}). One call is what the application asked for; the client's own
 * token fetches and retries are inside it. Arguments and answers are never looked at, so no device,
 * card or location id reaches a label.
 */
public final class TimedRemoteCalls {

    static final String NAME = "harbor.bikeep.calls";

    /** A cloud call with its token fetch and retries: tens of milliseconds to tens of seconds. */
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2_500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30)
    };

    private TimedRemoteCalls() {}

    /** {@code target} behind the interface {@code port}, each call timed in {@code registry}. */
    public static <T> T of(Class<T> port, T target, MeterRegistry registry) {
        InvocationHandler handler = (proxy, method, args) -> invoke(port, target, registry, method, args);
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, handler));
    }

    private static Object invoke(Class<?> port, Object target, MeterRegistry registry, Method method, Object[] args)
            throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return method.invoke(target, args);
        }
        long started = System.nanoTime();
        String error = "none";
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            error = e.getCause().getClass().getSimpleName();
            throw e.getCause();
        } finally {
            Timer.builder(NAME)
                    .description("Calls to the Bikeep cloud by port operation and outcome")
                    .tag("port", port.getSimpleName())
                    .tag("operation", method.getName())
                    .tag("outcome", error.equals("none") ? "ok" : "error")
                    .tag("error", error)
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }
}
