package org.aslwb;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureRulesTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.aslwb");

  @Test
  void onlyTheUiImportsJavaFxScene() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.aslwb.ui..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("javafx.scene..")
        .check(CLASSES);
  }

  @Test
  void attacksAndExplanationsUseTheClassifierSeamOnly() {
    noClasses()
        .that()
        .resideInAnyPackage("org.aslwb.attack..", "org.aslwb.explain..")
        .should()
        .dependOnClassesThat()
        .haveSimpleNameStartingWith("NetworkClassifier")
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage("org.deeplearning4j..", "org.nd4j..")
        .check(CLASSES);
  }

  @Test
  void coreServicesDoNotDependOnTheUiOrTheCli() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.aslwb.data..",
            "org.aslwb.model..",
            "org.aslwb.training..",
            "org.aslwb.evaluation..",
            "org.aslwb.attack..",
            "org.aslwb.explain..",
            "org.aslwb.export..",
            "org.aslwb.report..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.aslwb.ui..", "org.aslwb.cli..")
        .check(CLASSES);
  }

  @Test
  void artefactFilesAreWrittenOnlyByTheExportPackageNotByViewModelsOrCommands() {
    noClasses()
        .that()
        .resideInAnyPackage("org.aslwb.ui..", "org.aslwb.cli..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("javax.imageio.ImageIO")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("javafx.embed.swing.SwingFXUtils")
        .check(CLASSES);
  }

  @Test
  void controllersHoldNoThreadsNorFileIo() {
    noClasses()
        .that()
        .haveSimpleNameEndingWith("Controller")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.nd4j..", "org.deeplearning4j..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.lang.Thread")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.nio.file.Files")
        .check(CLASSES);
  }

  @Test
  void noCodeReadsJavaSerialisedObjectsOrUsesDl4jsUnsafeModelReader() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.ObjectInputStream")
        .orShould()
        .callMethodWhere(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "ModelSerializer.restore*",
                call ->
                    call.getTargetOwner()
                            .getName()
                            .equals("org.deeplearning4j.util.ModelSerializer")
                        && call.getName().startsWith("restore")))
        .check(CLASSES);
  }
}
