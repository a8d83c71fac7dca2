package io.facetrail.faces.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TfjsWeightLoaderTest {
  @TempDir Path dir;

  private Path write(byte[] shard) throws Exception {
    Files.writeString(
        dir.resolve("m-weights_manifest.json"),
        """
        [{"paths": ["m.bin"], "weights": [
          {"name": "q", "shape": [2, 2], "dtype": "float32", "quantization": {"dtype": "uint8", "scale": 0.5, "min": -1}},
          {"name": "f", "shape": [1], "dtype": "float32"},
          {"name": "h", "shape": [2], "dtype": "float32", "quantization": {"dtype": "float16"}},
          {"name": "i", "shape": [], "dtype": "int32"}
        ]}]
        """);
    Files.write(dir.resolve("m.bin"), shard);
    return dir.resolve("m-weights_manifest.json");
  }

  private static byte[] shard(int extra) {
    ByteBuffer b = ByteBuffer.allocate(4 + 4 + 4 + 4 + extra).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 0).put((byte) 1).put((byte) 2).put((byte) 255);
    b.putFloat(3.25f);
    b.putShort((short) 0x3c00).putShort((short) 0xc000); // 1.0, -2.0
    b.putInt(5118);
    return b.array();
  }

  @Test
  void dequantisesEveryDataType() throws Exception {
    WeightSet w = TfjsWeightLoader.load(write(shard(0)));
    assertThat(w.get("q").values()).containsExactly(-1f, -0.5f, 0f, 126.5f);
    assertThat(w.get("f").values()[0]).isEqualTo(3.25f);
    assertThat(w.get("h").values()).containsExactly(1f, -2f);
    assertThat(w.get("i").values()[0]).isEqualTo(5118f);
    assertThat(w.names()).containsExactly("q", "f", "h", "i");
  }

  @Test
  void refusesTruncatedOversizedAndMissing() throws Exception {
    byte[] full = shard(0);
    Path m = write(java.util.Arrays.copyOf(full, full.length - 2));
    assertThatThrownBy(() -> TfjsWeightLoader.load(m))
        .isInstanceOf(WeightFormatException.class)
        .hasMessageContaining("truncated at tensor i");
    Path m2 = write(shard(3));
    assertThatThrownBy(() -> TfjsWeightLoader.load(m2))
        .isInstanceOf(WeightFormatException.class)
        .hasMessageContaining("3 bytes more");
    WeightSet w = TfjsWeightLoader.load(write(shard(0)));
    assertThatThrownBy(() -> w.get("nope"))
        .isInstanceOf(WeightFormatException.class)
        .hasMessageContaining("no tensor named nope");
    assertThatThrownBy(() -> w.get("q").requireShape(4))
        .isInstanceOf(WeightFormatException.class)
        .hasMessageContaining("expected shape [4]");
  }

  @Test
  void convertsLayouts() {
    // HWIO [1, 2, 2, 3]: value = 100*y + 10*x ... encode (x, i, o) as x*100 + i*10 + o.
    float[] hwio = new float[12];
    for (int x = 0; x < 2; x++) {
      for (int i = 0; i < 2; i++) {
        for (int o = 0; o < 3; o++) {
          hwio[(x * 2 + i) * 3 + o] = x * 100 + i * 10 + o;
        }
      }
    }
    float[] oihw = new WeightTensor("k", new int[] {1, 2, 2, 3}, hwio).hwioToOihw();
    // OIHW [3, 2, 1, 2]: index ((o * 2 + i) * 1 + 0) * 2 + x.
    assertThat(oihw[((2 * 2 + 1) * 1) * 2 + 1]).isEqualTo(112f);
    float[] dense =
        new WeightTensor("d", new int[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6}).denseTransposed();
    assertThat(dense).containsExactly(1, 4, 2, 5, 3, 6);
    float[] dw =
        new WeightTensor("w", new int[] {1, 2, 2, 1}, new float[] {1, 2, 3, 4}).depthwiseToOihw();
    assertThat(dw).containsExactly(1, 3, 2, 4);
    assertThat(HalfFloat.toFloat((short) 0x0001)).isCloseTo(5.96e-8f, offset(1e-10f));
  }
}
