// Draws icon.png (128×128 RGBA): a blue shield with a white check mark, with plain node (zlib + CRC),
// because this machine has no image tools. Usage: node scripts/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const shield = [];
for (let t = 0; t <= 1; t += 0.02) shield.push([112 - 48 * t * t, 62 + 60 * t]); // right curve
for (let t = 1; t >= 0; t -= 0.02) shield.push([16 + 48 * t * t, 62 + 60 * t]); // left curve
shield.unshift([16, 26], [64, 8], [112, 26]);
const check = [
  [40, 66],
  [58, 84],
  [90, 46],
];

function inside([x, y], poly) {
  let hit = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}
function distance([x, y], [[ax, ay], [bx, by]]) {
  const t = Math.max(
    0,
    Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
  );
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
}
// 4×4 supersampling for smooth edges.
const rows = [];
for (let y = 0; y < SIZE; y++) {
  const row = [0];
  for (let x = 0; x < SIZE; x++) {
    let cover = 0,
      white = 0;
    for (let sy = 0; sy < 4; sy++)
      for (let sx = 0; sx < 4; sx++) {
        const p = [x + (sx + 0.5) / 4, y + (sy + 0.5) / 4];
        if (!inside(p, shield)) continue;
        cover++;
        if (Math.min(distance(p, [check[0], check[1]]), distance(p, [check[1], check[2]])) < 6) white++;
      }
    const w = white / Math.max(cover, 1);
    row.push(
      Math.round(31 + (255 - 31) * w),
      Math.round(111 + (255 - 111) * w),
      Math.round(235 + 20 * w),
      Math.round((255 * cover) / 16),
    );
  }
  rows.push(Buffer.from(row));
}
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, tail]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../icon.png', import.meta.url), png);
