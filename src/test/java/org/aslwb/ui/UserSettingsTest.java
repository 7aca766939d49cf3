package org.aslwb.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;

class UserSettingsTest {
  @Test
  void theThemeIsRememberedForTheNextWorkspaceOnTheSameSettings() {
    UserSettings settings = UserSettings.inMemory();
    Workspace first = new Workspace(UiFixtures.sameThreadWorkspace().tasks(), settings);
    first.darkThemeProperty().set(true);
    Workspace next = new Workspace(UiFixtures.sameThreadWorkspace().tasks(), settings);
    assertTrue(next.darkThemeProperty().get());
  }

  @Test
  void workspacesMadeWithoutTheAppLeaveTheUsersPreferencesAlone() throws Exception {
    // read only: the test must not create the user's node either
    boolean existed = Preferences.userRoot().nodeExists("org/aslwb/workbench");
    String before =
        existed
            ? Preferences.userRoot().node("org/aslwb/workbench").get("theme.dark", "unset")
            : "unset";
    Workspace workspace = UiFixtures.sameThreadWorkspace();
    workspace.darkThemeProperty().set(!workspace.darkThemeProperty().get());
    workspace.settings().put(Workspace.LAST_MODEL, "/tmp/test.aslwb");
    assertEquals(existed, Preferences.userRoot().nodeExists("org/aslwb/workbench"));
    if (existed) {
      assertEquals(
          before, Preferences.userRoot().node("org/aslwb/workbench").get("theme.dark", "unset"));
    }
    assertEquals("/tmp/test.aslwb", workspace.settings().get(Workspace.LAST_MODEL, ""));
    assertEquals(
        "", UserSettings.inMemory().get(Workspace.LAST_MODEL, ""), "each in-memory store is new");
  }
}
