// Regenerates FaceTrail's parity fixtures with the reference library, @vladmandic/face-api 1.7.15
// on TensorFlow.js 4.22 (wasm backend). Run once when the fixtures must change, never from tests:
//
//   npm ci && node generate-fixtures.js /path/to/skimage/data/astronaut.png ../resources/parity
//
// astronaut.png is the public-domain NASA portrait shipped by Debian's python3-skimage
// (`apt-get download python3-skimage && dpkg -x python3-skimage_*.deb x`).
// Writes astronaut-256.png (the portrait halved by 2x2 averaging: lossless, so both sides decode
// the same pixels) and reference.json (inputs and outputs of each network).
const fs = require('fs');
const path = require('path');
const { PNG } = require('pngjs');
const tf = require('@tensorflow/tfjs');
const wasm = require('@tensorflow/tfjs-backend-wasm');
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');

function halve(png) {
  const w = png.width / 2;
  const h = png.height / 2;
  const out = new PNG({ width: w, height: h, colorType: 2 });
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let c = 0; c < 4; c++) {
        let sum = 0;
        for (let dy = 0; dy < 2; dy++) for (let dx = 0; dx < 2; dx++) sum += png.data[((2 * y + dy) * png.width + 2 * x + dx) * 4 + c];
        out.data[(y * w + x) * 4 + c] = c === 3 ? 255 : Math.round(sum / 4);
      }
    }
  }
  return out;
}

function rgbTensor(png, [x0, y0, w, h]) {
  const v = new Int32Array(w * h * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let c = 0; c < 3; c++) v[(y * w + x) * 3 + c] = png.data[((y0 + y) * png.width + x0 + x) * 4 + c];
    }
  }
  return tf.tensor3d(v, [h, w, 3], 'int32');
}

const round = (a, digits = 6) => Array.from(a).map((v) => Number(v.toFixed(digits)));

async function main() {
  const [source, outDir] = process.argv.slice(2);
  if (!source || !outDir) throw new Error('usage: node generate-fixtures.js astronaut.png OUT_DIR');
  wasm.setWasmPaths(path.join(__dirname, 'node_modules/@tensorflow/tfjs-backend-wasm/dist/') + path.sep);
  await tf.setBackend('wasm');
  await tf.ready();
  const modelDir = path.join(__dirname, 'node_modules/@vladmandic/face-api/model');
  await faceapi.nets.ssdMobilenetv1.loadFromDisk(modelDir);
  await faceapi.nets.tinyFaceDetector.loadFromDisk(modelDir);
  await faceapi.nets.faceLandmark68Net.loadFromDisk(modelDir);
  await faceapi.nets.faceRecognitionNet.loadFromDisk(modelDir);

  const image = halve(PNG.sync.read(fs.readFileSync(source)));
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'astronaut-256.png'), PNG.sync.write(image, { colorType: 2 }));
  const full = [0, 0, image.width, image.height];
  const fixture = { library: '@vladmandic/face-api@1.7.15', tfjs: tf.version.tfjs, backend: tf.getBackend(), image: 'astronaut-256.png' };

  // Embedding: a 150x150 crop goes into the network unresized.
  fixture.embedding = [];
  for (const crop of [[45, 0, 150, 150], [30, 10, 170, 150]]) {
    const d = await faceapi.nets.faceRecognitionNet.computeFaceDescriptor(rgbTensor(image, crop));
    fixture.embedding.push({ crop, descriptor: round(d) });
  }
  // Landmarks: a square crop at the network's size, and a non-square one (centred pad + resize).
  fixture.landmarks = [];
  for (const crop of [[58, 8, 112, 112], [70, 20, 90, 110]]) {
    const lm = await faceapi.nets.faceLandmark68Net.detectLandmarks(rgbTensor(image, crop));
    fixture.landmarks.push({ crop, points: round(lm.positions.flatMap((p) => [p.x, p.y]), 3) });
  }
  // Detectors: the square image (resized to the network input) and a non-square crop (padded).
  fixture.ssd = [];
  for (const crop of [full, [0, 0, 256, 200]]) {
    const dets = await faceapi.nets.ssdMobilenetv1.locateFaces(rgbTensor(image, crop), { minConfidence: 0.3 });
    fixture.ssd.push({ crop, minConfidence: 0.3, detections: dets.map((d) => ({ box: round([d.box.x, d.box.y, d.box.width, d.box.height], 3), score: Number(d.score.toFixed(5)) })) });
  }
  fixture.tiny = [];
  for (const crop of [full, [0, 0, 256, 200]]) {
    const dets = await faceapi.nets.tinyFaceDetector.locateFaces(rgbTensor(image, crop), { inputSize: 416, scoreThreshold: 0.3 });
    fixture.tiny.push({ crop, inputSize: 416, scoreThreshold: 0.3, detections: dets.map((d) => ({ box: round([d.box.x, d.box.y, d.box.width, d.box.height], 3), score: Number(d.score.toFixed(5)) })) });
  }
  fs.writeFileSync(path.join(outDir, 'reference.json'), `${JSON.stringify(fixture, null, 1)}\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
