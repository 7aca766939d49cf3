package org.aslwb.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassMatcherTest {
  private static DatasetIndex index(String... folders) {
    List<LabeledFile> files = new ArrayList<>();
    for (int label = 0; label < folders.length; label++) {
      for (int i = 0; i < 3; i++) {
        files.add(new LabeledFile(Path.of("x", folders[label], i + ".jpg"), label));
      }
    }
    return new DatasetIndex(
        Path.of("x"), DatasetIndex.Layout.FOLDER_PER_CLASS, List.of(folders), files, List.of());
  }

  @Test
  void foldersMatchModelClassesInAnyCaseAndOthersAreListedAndSkipped() {
    var selection =
        ClassMatcher.select(index("7", "a", "b", "thumbs_up"), List.of("A", "B", "C", "del"));
    assertEquals(List.of("A", "B"), selection.index().classNames());
    assertEquals(6, selection.index().files().size());
    assertTrue(
        selection.index().files().stream()
            .allMatch(
                f ->
                    f.file()
                        .getParent()
                        .getFileName()
                        .toString()
                        .equalsIgnoreCase(selection.index().classNames().get(f.label()))));
    assertEquals(2, selection.skipped().size());
    assertTrue(
        selection.skipped().get(0).startsWith("7: not a model class"),
        selection.skipped().toString());
    assertTrue(selection.skipped().get(1).startsWith("thumbs_up"), selection.skipped().toString());
    assertTrue(!selection.unchanged(index("7", "a", "b", "thumbs_up")));
  }

  @Test
  void theModelsOwnFoldersAreLeftAsTheyAre() {
    DatasetIndex own = index("A", "B", "del");
    var selection = ClassMatcher.select(own, List.of("A", "B", "del"));
    assertTrue(selection.unchanged(own));
    assertEquals(own.files(), selection.index().files());
  }

  @Test
  void aDataSetWithNoModelClassIsRefusedNamingItsFolders() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ClassMatcher.select(index("1", "2"), List.of("A", "B")));
    assertTrue(e.getMessage().contains("[1, 2]"), e.getMessage());
  }
}
