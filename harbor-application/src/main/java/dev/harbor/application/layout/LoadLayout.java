package dev.harbor.application.layout;

/** Bringing the stores in line with a layout file at start-up. */
public interface LoadLayout {

    /**
     * Inserts or updates the locker and bank types, adds the layout's controllers that are not
     * stored yet and moves those whose endpoint changed. Controllers added over the Admin API are
     * left alone; nothing that holds a transaction is removed.
     *
     * @throws IllegalArgumentException when the layout is invalid (nothing is stored then), or a
     *                                  controller of it cannot be added
     */
    void load(Layout layout);
}
