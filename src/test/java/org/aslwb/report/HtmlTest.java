package org.aslwb.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void markupCharactersBecomeEntitiesAndTextStaysText() {
    assertEquals(
        "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &#39;s&#39;",
        Html.escape("<script>alert(1)</script> & \"q\" 's'"));
    assertEquals("plain A-Z_1.png", Html.escape("plain A-Z_1.png"));
    assertEquals("", Html.escape(null));
  }

  @Test
  void elementsAndTablesEscapeTheirTextButNotTheirTags() {
    String html =
        new Html()
            .element("p", "<b>")
            .table(java.util.List.of("<th>"), java.util.List.of(java.util.List.of("<td>")))
            .toString();
    assertEquals(
        "<p>&lt;b&gt;</p>\n<table>\n<tr><th>&lt;th&gt;</th></tr>\n<tr><td>&lt;td&gt;</td></tr>\n"
            + "</table>\n",
        html);
  }

  @Test
  void commandArgumentsAreQuotedForTheShellWhereNeeded() {
    assertEquals(
        "aslwb explain --image 'my photo.png' --model 'it'\\''s.aslwb'",
        Commands.line("explain", "--image", "my photo.png", "--model", "it's.aslwb"));
  }
}
