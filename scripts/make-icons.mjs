#!/usr/bin/env node
// Draws the add-in icons (assets/icon-NN.png) in pure JS: a rounded green-to-teal square holding a
// white ledger sheet with a bold check mark. Shapes are signed-distance functions sampled 4×4 per
// pixel, so edges stay smooth and the mark stays legible at 16 px.
// Run: node scripts/make-icons.mjs [outDir]   (default assets/; the manifest test regenerates into a
// temporary folder and compares bytes, so committed icons always match this script)
import { writeFileSync, mkdirSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const SIZES = [16, 32, 64, 80, 128];
const SUPERSAMPLE = 4;

const TOP_COLOUR = [0x1a, 0x8f, 0x5a];
const BOTTOM_COLOUR = [0x0e, 0x66, 0x80];
const WHITE = [0xff, 0xff, 0xff];
const RULE_COLOUR = [0x9c, 0xc9, 0xb6];
const CHECK_COLOUR = [0x0f, 0x7a, 0x4a];

/** Signed distance to a rounded rectangle centred at (cx, cy); negative inside. */
function roundedRect(x, y, cx, cy, halfW, halfH, radius) {
  const qx = Math.abs(x - cx) - (halfW - radius);
  const qy = Math.abs(y - cy) - (halfH - radius);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - radius;
}

/** Distance from (x, y) to the segment a→b. */
function segment(x, y, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** Colour of one sample point in unit coordinates (0..1), or null outside the icon. */
function shade(x, y, size) {
  const tile = roundedRect(x, y, 0.5, 0.5, 0.48, 0.48, 0.2);
  if (tile > 0) return null;
  const gradient = Math.min(1, Math.max(0, y));
  let colour = TOP_COLOUR.map((c, i) => c + (BOTTOM_COLOUR[i] - c) * gradient);

  // The ledger sheet: at 16 px only the check mark is drawn, the sheet would blur into noise.
  const detailed = size >= 32;
  const sheet = detailed ? roundedRect(x, y, 0.5, 0.5, 0.3, 0.34, 0.05) : 1;
  if (sheet <= 0) {
    colour = WHITE;
    const ruleHalfWidth = size >= 64 ? 0.018 : 0.026;
    for (const ruleY of [0.3, 0.43, 0.56, 0.69]) {
      if (Math.abs(y - ruleY) < ruleHalfWidth && x > 0.27 && x < 0.73) colour = RULE_COLOUR;
    }
    if (Math.abs(x - 0.42) < ruleHalfWidth && y > 0.24 && y < 0.76) colour = RULE_COLOUR;
  }

  const checkWidth = detailed ? 0.075 : 0.095;
  const check = Math.min(
    segment(x, y, 0.27, 0.53, 0.45, 0.71),
    segment(x, y, 0.45, 0.71, 0.8, 0.3),
  );
  if (check < checkWidth) colour = detailed ? CHECK_COLOUR : WHITE;
  // A white halo keeps the check readable where it crosses the sheet edge.
  else if (detailed && check < checkWidth + 0.04 && sheet > 0) colour = WHITE;
  return colour;
}

function renderRgba(size) {
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, covered = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const colour = shade((px + (sx + 0.5) / SUPERSAMPLE) / size, (py + (sy + 0.5) / SUPERSAMPLE) / size, size);
          if (!colour) continue;
          r += colour[0]; g += colour[1]; b += colour[2]; covered++;
        }
      }
      const offset = (py * size + px) * 4;
      if (covered > 0) {
        pixels[offset] = Math.round(r / covered);
        pixels[offset + 1] = Math.round(g / covered);
        pixels[offset + 2] = Math.round(b / covered);
      }
      pixels[offset + 3] = Math.round((255 * covered) / (SUPERSAMPLE * SUPERSAMPLE));
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes 8-bit RGBA pixels as a PNG (colour type 6, filter 0 on every row). */
export function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    rows[y * (width * 4 + 1)] = 0;
    rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const outDir = process.argv[2] ? resolve(process.argv[2]) : join(ROOT, "assets");
mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = join(outDir, `icon-${size}.png`);
  writeFileSync(file, encodePng(size, size, renderRgba(size)));
  console.log(`已生成 / wrote ${file}`);
}
