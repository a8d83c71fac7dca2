package io.facetrail.runtime.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayTextTest {
  @Test
  void escapesWhatCouldRewriteATerminalAndKeepsEverythingElse() {
    assertThat(DisplayText.safe("Zoë Ångström 李小龍 محمد")).isEqualTo("Zoë Ångström 李小龍 محمد");
    assertThat(DisplayText.safe("A\u001b[2J\u001b]0;owned\u0007B"))
        .isEqualTo("A\\x1b[2J\\x1b]0;owned\\x07B");
    assertThat(DisplayText.safe("x\r\ny\u0085z\u009b")).isEqualTo("x\\x0d\\x0ay\\x85z\\x9b");
    assertThat(DisplayText.safe("evil\u202Egnp.exe\u2066i\u2069\u2028"))
        .isEqualTo("evil\\u202egnp.exe\\u2066i\\u2069\\u2028");
    assertThat(DisplayText.safe("a\\x1b")).isEqualTo("a\\\\x1b");
    assertThat(DisplayText.safe("\u007f")).isEqualTo("\\x7f");
  }

  @Test
  void findsTheFirstUnsafeCodePoint() {
    assertThat(DisplayText.firstUnsafe("plain name")).isEqualTo(-1);
    assertThat(DisplayText.firstUnsafe("a\u200Fb")).isEqualTo(-1); // a mark, not an override
    assertThat(DisplayText.firstUnsafe("ab\u202Dc\u0000")).isEqualTo(0x202D);
    assertThat(DisplayText.codePointName(0x1b)).isEqualTo("U+001B");
  }
}
