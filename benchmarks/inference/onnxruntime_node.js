#!/usr/bin/env node
// The Node half of benchmarks/inference/run.sh: the same detect (yunet) + align + embed
// (arcface_w600k_mbf_int8) work as benchmarks/inference/FaceEval.InferenceTiming, with onnxruntime-node (the same
// native library the C# binding loads) and plain JavaScript for resizing, decoding, NMS and warping.
// Photos arrive already decoded (RGB blob written by decode_photos.py): decoding is outside the clock
// on both sides.
//
//   node side_by_side.js RGB_BLOB THREADS WARMUP   -> one JSON line on stdout
'use strict';
const fs = require('fs');
const path = require('path');
const repo = path.resolve(__dirname, '..', '..');
const ort = require(path.join(repo, 'tools/npm/node_modules/onnxruntime-node'));
const catalog = JSON.parse(fs.readFileSync(path.join(repo, 'models/models.json'), 'utf8'));

const [blobPath, threadsArg, warmupArg] = process.argv.slice(2);
const threads = Number(threadsArg), warmup = Number(warmupArg);

function readBlob(file) {
  const buf = fs.readFileSync(file), images = [];
  for (let o = 0; o < buf.length;) {
    const w = buf.readUInt32LE(o), h = buf.readUInt32LE(o + 4);
    images.push({ width: w, height: h, px: new Uint8Array(buf.buffer, buf.byteOffset + o + 8, w * h * 3) });
    o += 8 + w * h * 3;
  }
  return images;
}

function resize(img, w, h) {
  if (w === img.width && h === img.height) return img;
  const px = new Uint8Array(w * h * 3), sx = img.width / w, sy = img.height / h, st = img.width * 3;
  for (let v = 0; v < h; v++) {
    const y = Math.min(Math.max((v + 0.5) * sy - 0.5, 0), img.height - 1), y0 = y | 0, y1 = Math.min(y0 + 1, img.height - 1), fy = y - y0;
    for (let u = 0; u < w; u++) {
      const x = Math.min(Math.max((u + 0.5) * sx - 0.5, 0), img.width - 1), x0 = x | 0, x1 = Math.min(x0 + 1, img.width - 1), fx = x - x0;
      for (let c = 0; c < 3; c++) {
        const top = img.px[y0 * st + x0 * 3 + c] * (1 - fx) + img.px[y0 * st + x1 * 3 + c] * fx;
        const bottom = img.px[y1 * st + x0 * 3 + c] * (1 - fx) + img.px[y1 * st + x1 * 3 + c] * fx;
        px[(v * w + u) * 3 + c] = Math.round(top * (1 - fy) + bottom * fy);
      }
    }
  }
  return { width: w, height: h, px };
}

// NCHW float tensor of a tw x th window (black beyond the image), per-channel (x - mean) / std.
function toTensor(img, input, tw, th) {
  const data = new Float32Array(3 * tw * th), plane = tw * th;
  for (let c = 0; c < 3; c++) {
    const sc = input.channels === 'bgr' ? 2 - c : c, m = input.mean[c], sd = input.std[c], pad = (0 - m) / sd;
    for (let y = 0; y < th; y++) for (let x = 0; x < tw; x++)
      data[c * plane + y * tw + x] = x < img.width && y < img.height ? (img.px[(y * img.width + x) * 3 + sc] - m) / sd : pad;
  }
  return new ort.Tensor('float32', data, [1, 3, th, tw]);
}

function decodeYunet(o, tw, th, threshold) {
  const faces = [];
  for (const s of [8, 16, 32]) {
    const cols = tw / s, rows = th / s;
    const cls = o[`cls_${s}`].data, obj = o[`obj_${s}`].data, bbox = o[`bbox_${s}`].data, kps = o[`kps_${s}`].data;
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      const score = Math.sqrt(Math.min(Math.max(cls[i], 0), 1) * Math.min(Math.max(obj[i], 0), 1));
      if (score < threshold) continue;
      const cx = (c + bbox[i * 4]) * s, cy = (r + bbox[i * 4 + 1]) * s, w = Math.exp(bbox[i * 4 + 2]) * s, h = Math.exp(bbox[i * 4 + 3]) * s;
      const lm = new Array(10);
      for (let k = 0; k < 5; k++) { lm[2 * k] = (kps[i * 10 + 2 * k] + c) * s; lm[2 * k + 1] = (kps[i * 10 + 2 * k + 1] + r) * s; }
      faces.push({ score, box: [cx - w / 2, cy - h / 2, w, h], lm });
    }
  }
  return faces;
}

function nms(faces, threshold) {
  faces.sort((a, b) => b.score - a.score);
  const iou = (a, b) => {
    const x1 = Math.max(a.box[0], b.box[0]), y1 = Math.max(a.box[1], b.box[1]);
    const x2 = Math.min(a.box[0] + a.box[2], b.box[0] + b.box[2]), y2 = Math.min(a.box[1] + a.box[3], b.box[1] + b.box[3]);
    const inter = Math.max(0, x2 - x1) * Math.max(0, y2 - y1);
    return inter / (a.box[2] * a.box[3] + b.box[2] * b.box[3] - inter);
  };
  const kept = [];
  for (const f of faces) if (kept.every(k => iou(k, f) <= threshold)) kept.push(f);
  return kept;
}

// Least-squares similarity (Umeyama without reflection) from landmarks to the template, then a
// bilinear warp sampling the image at the inverse transform of each crop pixel.
function align(img, lm, t) {
  const n = lm.length / 2;
  let msx = 0, msy = 0, mdx = 0, mdy = 0;
  for (let i = 0; i < n; i++) { msx += lm[2 * i]; msy += lm[2 * i + 1]; mdx += t.points[2 * i]; mdy += t.points[2 * i + 1]; }
  msx /= n; msy /= n; mdx /= n; mdy /= n;
  let dot = 0, cross = 0, norm = 0;
  for (let i = 0; i < n; i++) {
    const sx = lm[2 * i] - msx, sy = lm[2 * i + 1] - msy, dx = t.points[2 * i] - mdx, dy = t.points[2 * i + 1] - mdy;
    dot += sx * dx + sy * dy; cross += sx * dy - sy * dx; norm += sx * sx + sy * sy;
  }
  const a = dot / norm, b = cross / norm, tx = mdx - (a * msx - b * msy), ty = mdy - (b * msx + a * msy);
  const d = a * a + b * b, ia = a / d, ib = -b / d, itx = -(ia * tx - ib * ty), ity = -(ib * tx + ia * ty);
  const out = new Uint8Array(t.width * t.height * 3), W = img.width, H = img.height, st = W * 3, src = img.px;
  const at = (x, y, c) => (x >= 0 && y >= 0 && x < W && y < H ? src[y * st + x * 3 + c] : 0);
  for (let v = 0; v < t.height; v++) for (let u = 0; u < t.width; u++) {
    const x = ia * u - ib * v + itx, y = ib * u + ia * v + ity, x0 = Math.floor(x), y0 = Math.floor(y), fx = x - x0, fy = y - y0;
    for (let c = 0; c < 3; c++) {
      const top = at(x0, y0, c) * (1 - fx) + at(x0 + 1, y0, c) * fx, bottom = at(x0, y0 + 1, c) * (1 - fx) + at(x0 + 1, y0 + 1, c) * fx;
      out[(v * t.width + u) * 3 + c] = Math.min(255, Math.max(0, Math.round(top * (1 - fy) + bottom * fy)));
    }
  }
  return { width: t.width, height: t.height, px: out };
}

(async () => {
  const det = catalog.models.find(m => m.kind === 'detector' && m.default);
  const emb = catalog.models.find(m => m.kind === 'embedder' && m.default);
  const template = catalog.templates.find(t => t.name === emb.template);
  const options = { intraOpNumThreads: threads, graphOptimizationLevel: 'all', logSeverityLevel: 3 };
  const detSession = await ort.InferenceSession.create(path.join(repo, 'models', det.file), options);
  const embSession = await ort.InferenceSession.create(path.join(repo, 'models', emb.file), options);
  const images = readBlob(blobPath);

  async function processImage(img) {
    const k = Math.min(1, 640 / Math.max(img.width, img.height));
    const rw = Math.max(1, Math.round(img.width * k)), rh = Math.max(1, Math.round(img.height * k));
    const tw = Math.ceil(rw / 32) * 32, th = Math.ceil(rh / 32) * 32;
    const o = await detSession.run({ [det.input.name]: toTensor(resize(img, rw, rh), det.input, tw, th) });
    const kx = img.width / rw, ky = img.height / rh;
    let faces = 0;
    for (const f of nms(decodeYunet(o, tw, th, 0.6), 0.3)) {
      const lm = f.lm.map((v, i) => v * (i % 2 ? ky : kx));
      const crop = align(img, lm, template);
      // The int8 model's outputs depend on the batch (dynamic quantisation), so one face per run, as in C#.
      const e = (await embSession.run({ [emb.input.name]: toTensor(crop, emb.input, 112, 112) }))[emb.outputs[0]].data;
      let norm = 0;
      for (let i = 0; i < e.length; i++) norm += e[i] * e[i];
      norm = Math.sqrt(norm);
      const unit = new Float32Array(e.length);
      for (let i = 0; i < e.length; i++) unit[i] = e[i] / norm;
      faces++;
    }
    return faces;
  }

  for (let i = 0; i < Math.min(warmup, images.length); i++) await processImage(images[i]);
  let faces = 0;
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (const img of images) faces += await processImage(img);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu), cpuSeconds = (used.user + used.system) / 1e6;
  const version = require(path.join(repo, 'tools/npm/node_modules/onnxruntime-node/package.json')).version;
  console.log(JSON.stringify({ side: 'node', ort: version, threads, images: images.length, faces, seconds: Number(seconds.toFixed(4)), facesPerSecond: Number((faces / seconds).toFixed(2)), cpuSeconds: Number(cpuSeconds.toFixed(4)) }));
})().catch(e => { console.error(e); process.exit(1); });
