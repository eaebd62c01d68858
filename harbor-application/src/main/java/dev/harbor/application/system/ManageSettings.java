package dev.harbor.application.system;

import dev.harbor.application.Actor;

/** Reading and changing the runtime settings. Changes are persisted, audited and effective at once. */
public interface ManageSettings {

    /** The settings in effect now. */
    RuntimeSettings current();

    /**
     * Applies a partial change: absent fields, nested ones too, keep their value. The whole result
     * is checked before anything is stored.
     *
     * @return the settings in effect after the change
     * @throws dev.harbor.domain.rule.InvalidValueException naming the API field (for example
     *     {@code doorOpenPolicy.maxAttempts}) when the result breaks a rule; nothing changes then
     */
    RuntimeSettings change(SettingsChange change, Actor actor);
}
