// Renders build/icon.svg into the icons electron-builder packs: icon.png (Linux, 1024 px),
// icon.ico (Windows, 16–256 px) and icon.icns (macOS, 16–1024 px). Run after changing the SVG:
//   npx tsx tests/tools/make-icons.ts
// Chromium draws the SVG (Debian's, as the tests use); the containers are written here, since
// both formats are a small header around PNG images.
import { readFileSync, writeFileSync } from 'node:fs'
import { chromium } from '@playwright/test'
import { chromiumArgs, chromiumExecutable } from '../support/chromium'

const buildDir = new URL('../../build/', import.meta.url)
const svg = readFileSync(new URL('icon.svg', buildDir), 'utf8')

async function render(sizes: number[]): Promise<Map<number, Buffer>> {
  const browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs })
  try {
    const page = await browser.newPage()
    const pngs = new Map<number, Buffer>()
    for (const size of sizes) {
      await page.setViewportSize({ width: size, height: size })
      await page.setContent(
        `<html><body style="margin:0;background:transparent">${svg.replace(
          '<svg ',
          `<svg width="${size}" height="${size}" `,
        )}</body></html>`,
      )
      pngs.set(size, await page.screenshot({ omitBackground: true }))
    }
    return pngs
  } finally {
    await browser.close()
  }
}

/** ICO: a directory of entries, each a PNG (Windows Vista and later read PNG entries). */
function ico(pngs: Map<number, Buffer>, sizes: number[]): Buffer {
  const header = Buffer.alloc(6)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2)
  header.writeUInt16LE(sizes.length, 4)
  const entries: Buffer[] = []
  let offset = 6 + 16 * sizes.length
  for (const size of sizes) {
    const png = pngs.get(size)!
    const entry = Buffer.alloc(16)
    entry.writeUInt8(size >= 256 ? 0 : size, 0)
    entry.writeUInt8(size >= 256 ? 0 : size, 1)
    entry.writeUInt16LE(1, 4)
    entry.writeUInt16LE(32, 6)
    entry.writeUInt32LE(png.length, 8)
    entry.writeUInt32LE(offset, 12)
    offset += png.length
    entries.push(entry)
  }
  return Buffer.concat([header, ...entries, ...sizes.map((size) => pngs.get(size)!)])
}

/** ICNS: typed blocks, each a PNG of one size (and the retina twin of the size below). */
function icns(pngs: Map<number, Buffer>): Buffer {
  const types: [string, number][] = [
    ['icp4', 16],
    ['icp5', 32],
    ['ic11', 32],
    ['icp6', 64],
    ['ic12', 64],
    ['ic07', 128],
    ['ic08', 256],
    ['ic13', 256],
    ['ic09', 512],
    ['ic14', 512],
    ['ic10', 1024],
  ]
  const blocks = types.map(([type, size]) => {
    const png = pngs.get(size)!
    const head = Buffer.alloc(8)
    head.write(type, 0, 'ascii')
    head.writeUInt32BE(png.length + 8, 4)
    return Buffer.concat([head, png])
  })
  const body = Buffer.concat(blocks)
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'ascii')
  head.writeUInt32BE(body.length + 8, 4)
  return Buffer.concat([head, body])
}

const icoSizes = [16, 24, 32, 48, 64, 128, 256]
const pngs = await render([...new Set([...icoSizes, 512, 1024])])
writeFileSync(new URL('icon.png', buildDir), pngs.get(1024)!)
writeFileSync(new URL('icon.ico', buildDir), ico(pngs, icoSizes))
writeFileSync(new URL('icon.icns', buildDir), icns(pngs))
console.log('build/icon.png, icon.ico, icon.icns written')
