package dev.harbor.application.system;

import dev.harbor.application.Actor;

/** Reading and changing the runtime settings. Changes are persisted, audited and effective at once. */
public interface ManageSettings {

    RuntimeSettings current();

    RuntimeSettings change(SettingsChange change, Actor actor);
}
