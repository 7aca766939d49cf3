package org.aslwb.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.aslwb.evaluation.ConfusionMatrix;
import org.junit.jupiter.api.Test;

class CsvTest {
  @Test
  void fieldsWithCommasQuotesOrLineBreaksAreQuotedAndQuotesDoubled() {
    assertEquals(
        "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded \",,0.250000,7\n",
        new Csv()
            .row("plain", "a,b", "say \"hi\"", "two\nlines", " padded ", null, 0.25, 7)
            .toString());
  }

  @Test
  void confusionAndPerClassTablesEscapeClassNamesFromFolderNames() {
    ConfusionMatrix m = new ConfusionMatrix(List.of("A", "B,\"b\""));
    m.add(0, 0);
    m.add(1, 0);
    m.add(1, -1);
    assertEquals(
        "true\\predicted,A,\"B,\"\"b\"\"\",other\nA,1,0,0\n\"B,\"\"b\"\"\",1,0,1\n",
        ConfusionCsv.of(m));
    assertEquals(
        "class,precision,recall,f1,support\nA,0.5000,1.0000,0.6667,1\n"
            + "\"B,\"\"b\"\"\",0.0000,0.0000,0.0000,2\n",
        PerClassCsv.of(m));
  }
}
