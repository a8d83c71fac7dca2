package io.facetrail.faces.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.faces.detect.FaceBox;
import io.facetrail.faces.detect.ScanRequest;
import io.facetrail.faces.detect.ScanSettings;
import io.facetrail.faces.detect.TileGrid;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SweepPlannerTest {
  private static final ScanSettings SCAN = new ScanSettings(0.3f, 32, 0f, true);
  private static final TileGrid HD = TileGrid.of(1920, 1080, SCAN, 512);
  private static final int SIDE = 256;

  @Test
  void a1080pFrameHasEightTilesOf683Pixels() {
    assertThat(HD.tiles()).hasSize(8);
    assertThat(HD.tiles().get(0)).isEqualTo(new TileGrid.Tile(0, 0, 683, 683));
    assertThat(HD.tiles().get(7)).isEqualTo(new TileGrid.Tile(1237, 397, 683, 683));
  }

  @Test
  void rotatesThroughEveryTileInTurn() {
    Set<Integer> seen = new HashSet<>();
    int cursor = 0;
    for (int frame = 0; frame < 4; frame++) {
      SweepPlanner.Planned p = SweepPlanner.plan(HD, cursor, 2, List.of(), SIDE);
      assertThat(p.request().allTiles()).isFalse();
      assertThat(p.request().tiles()).containsExactly(2 * frame, 2 * frame + 1);
      seen.addAll(p.request().tiles());
      cursor = p.nextCursor();
    }
    assertThat(seen).hasSize(8);
    assertThat(cursor).isZero();
    SweepPlanner.Planned wrap = SweepPlanner.plan(HD, 6, 3, List.of(), SIDE);
    assertThat(wrap.request().tiles()).containsExactly(6, 7, 0);
    assertThat(wrap.nextCursor()).isEqualTo(1);
  }

  @Test
  void scansEverythingWhenNoRotationIsAskedOrNeeded() {
    assertThat(SweepPlanner.plan(HD, 3, 0, List.of(), SIDE).request()).isEqualTo(ScanRequest.FULL);
    assertThat(SweepPlanner.plan(HD, 3, 8, List.of(), SIDE).request()).isEqualTo(ScanRequest.FULL);
    TileGrid small = TileGrid.of(640, 360, SCAN, 512);
    assertThat(small.tiles()).isEmpty();
    assertThat(SweepPlanner.plan(small, 0, 2, List.of(box(100, 100, 40)), SIDE).request())
        .isEqualTo(ScanRequest.FULL);
  }

  @Test
  void aSmallFaceOutsideThisFramesTilesGetsAWindowAroundIt() {
    ScanRequest r = SweepPlanner.plan(HD, 0, 2, List.of(box(1700, 900, 40)), SIDE).request();
    assertThat(r.windows()).containsExactly(new TileGrid.Tile(1584, 784, 256, 256));
  }

  @Test
  void aSmallFaceInsideAScannedTileGetsNoWindow() {
    assertThat(SweepPlanner.plan(HD, 0, 2, List.of(box(100, 100, 40)), SIDE).request().windows())
        .isEmpty();
  }

  @Test
  void faceLargeEnoughForTheWholeFramePassGetsNoWindow() {
    assertThat(SweepPlanner.watchedBelow(HD, SIDE)).isEqualTo(128f);
    assertThat(SweepPlanner.plan(HD, 0, 2, List.of(box(1600, 800, 130)), SIDE).request().windows())
        .isEmpty();
  }

  @Test
  void nearbyFacesShareOneWindow() {
    List<FaceBox> faces = List.of(box(1700, 900, 40), box(1750, 920, 30));
    assertThat(SweepPlanner.plan(HD, 0, 2, faces, SIDE).request().windows()).hasSize(1);
  }

  @Test
  void windowsPerFrameAreBounded() {
    List<FaceBox> faces = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      faces.add(box(700 + 100 * (i % 12), 750 + 20 * (i % 3), 32));
    }
    // Below tiles 0 and 1, 100 px apart: with the motion margin no window holds two of them.
    ScanRequest r = SweepPlanner.plan(HD, 0, 2, faces, SIDE).request();
    assertThat(r.windows()).hasSize(SweepPlanner.MAX_WINDOWS);
  }

  @Test
  void windowsStayInsideTheFrameMovingInwardByWholeAnchorStrides() {
    // 256 px windows at one network pixel per pixel: the face's centre 136 px (8 mod 16) in.
    assertThat(SweepPlanner.windowAround(box(1900, 1060, 20), 1920, 1080, SIDE, 512))
        .isEqualTo(new TileGrid.Tile(1662, 822, 256, 256));
    assertThat(SweepPlanner.windowAround(box(0, 0, 20), 1920, 1080, SIDE, 512))
        .isEqualTo(new TileGrid.Tile(2, 2, 256, 256));
    assertThat(SweepPlanner.windowAround(box(10, 10, 20), 200, 100, SIDE, 512))
        .isEqualTo(new TileGrid.Tile(0, 0, 200, 100));
  }

  private static FaceBox box(float x, float y, float side) {
    return new FaceBox(x, y, side, side);
  }
}
