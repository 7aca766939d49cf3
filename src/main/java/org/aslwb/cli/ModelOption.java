package org.aslwb.cli;

import java.nio.file.Path;
import org.aslwb.model.Engine;
import org.aslwb.model.ModelStore;
import org.aslwb.model.TrainedModel;

/** Loads a model for a command, starting the engine first. */
final class ModelOption {
  private ModelOption() {}

  static TrainedModel load(Path file) throws java.io.IOException {
    Engine.start();
    TrainedModel model = ModelStore.load(file);
    Output.say("model %s: %s", file, model.describe());
    return model;
  }
}
