package dev.harbor.app;

/** The version of the running build, from the jar manifest (or "dev" when run from classes). */
public final class Version {

    private Version() {}

    public static String current() {
        String version = Harbor.class.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }
}
