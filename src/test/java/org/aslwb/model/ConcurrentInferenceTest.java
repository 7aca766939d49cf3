package org.aslwb.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.aslwb.TinyModels;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.PixelImage;
import org.aslwb.task.Job;
import org.aslwb.task.JobService;
import org.junit.jupiter.api.Test;

/** One model serving several jobs at once, on the job service's real threads. */
class ConcurrentInferenceTest {
  @Test
  void framesSweepsAndExplanationsAtOnceGetTheSameAnswersAsOneAtATime() throws Exception {
    Classifier classifier = TinyModels.model().classifier();
    LoadedDataset data = TinyModels.load(TinyModels.data());
    List<PixelImage> images = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      images.add(data.image(i * 7));
    }
    int[] labels = new int[images.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i % classifier.numClasses();
    }
    float[][] probabilities = classifier.probabilities(images);
    float[][] gradients = classifier.lossGradients(images, labels);

    try (JobService jobs = JobService.withWorkers(3)) {
      CountDownLatch go = new CountDownLatch(1);
      List<Job<float[][]>> running = new ArrayList<>();
      for (int worker = 0; worker < 4; worker++) {
        boolean gradient = worker % 2 == 0;
        running.add(
            jobs.submit(
                "job " + worker,
                worker == 3 ? JobService.Lane.TRAINING : JobService.Lane.INTERACTIVE,
                (p, c) -> {
                  go.await();
                  float[][] last = null;
                  for (int round = 0; round < 5; round++) {
                    last =
                        gradient
                            ? classifier.lossGradients(images, labels)
                            : classifier.probabilities(images);
                  }
                  return last;
                }));
      }
      go.countDown();
      for (int worker = 0; worker < running.size(); worker++) {
        float[][] got = running.get(worker).completion().get(120, TimeUnit.SECONDS);
        float[][] expected = worker % 2 == 0 ? gradients : probabilities;
        for (int i = 0; i < expected.length; i++) {
          assertArrayEquals(expected[i], got[i], 1e-6f, "job " + worker + ", image " + i);
        }
      }
    }
  }
}
