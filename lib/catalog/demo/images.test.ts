import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { demoColours } from './colours';
import { DEMO_IMAGE_VARIANTS, decodeDemoImageUrl, encodeDemoImageUrl, isDemoImageUrl } from './image-urls';
import { demoImageSvg, renderDemoImage } from './images';
import { demoMotifIds } from './motifs';
import { allDemoImageUrls } from './offer-images';
import { generateOffer, generateOffers } from './offers';

describe('demo image URLs', () => {
  it('look like 1688 CDN URLs and decode back to what was encoded', () => {
    for (const motif of demoMotifIds) {
      for (const colour of [0, 7, demoColours.length - 1]) {
        for (let variant = 0; variant < DEMO_IMAGE_VARIANTS; variant++) {
          const url = encodeDemoImageUrl({ motif, colour, variant });
          expect(url).toMatch(/^https:\/\/cbu01\.alicdn\.com\/img\/ibank\/O1CN01[0-9A-Za-z]{17}_!!\d{10}-0-cib\.jpg$/);
          expect(decodeDemoImageUrl(url)).toEqual({ motif, colour, variant });
        }
      }
    }
  });

  it('refuses real 1688 URLs, other hosts and tampered tokens', () => {
    const url = generateOffer('ferry-demo', 0).images[0] as string;
    expect(isDemoImageUrl(url)).toBe(true);
    expect(decodeDemoImageUrl('https://cbu01.alicdn.com/img/ibank/O1CN018lp0jo1jLFHKFwBPb_!!2881884531-0-cib.jpg')).toBeNull();
    expect(decodeDemoImageUrl(url.replace('cbu01.alicdn.com', 'example.com'))).toBeNull();
    const token = url.indexOf('O1CN01') + 10;
    const flipped = url.slice(0, token) + (url[token] === 'a' ? 'b' : 'a') + url.slice(token + 1);
    expect(decodeDemoImageUrl(flipped)).toBeNull();
    expect(decodeDemoImageUrl('not a url')).toBeNull();
  });

  it('keeps the catalog to a bounded set of distinct images', () => {
    const bound = new Set(allDemoImageUrls());
    expect(bound.size).toBeGreaterThanOrEqual(500);
    expect(bound.size).toBeLessThanOrEqual(800);
    const used = new Set<string>();
    for (const offer of generateOffers({ count: 3000 })) for (const url of offer.images) used.add(url);
    for (const url of used) expect(bound.has(url)).toBe(true);
  });
});

describe('renderDemoImage', () => {
  it('draws an 800×800 JPEG for a demo URL', async () => {
    const url = generateOffer('ferry-demo', 3).images[0] as string;
    const image = await renderDemoImage(url);
    expect(image).not.toBeNull();
    const meta = await sharp(image as Buffer).metadata();
    expect(meta).toMatchObject({ width: 800, height: 800, format: 'jpeg' });
    // Same URL, same bytes: the seed can content-hash images.
    expect((await renderDemoImage(url))?.equals(image as Buffer)).toBe(true);
  });

  it('returns null for a URL that is not a demo image', async () => {
    expect(await renderDemoImage('https://cbu01.alicdn.com/img/ibank/O1CN018lp0jo1jLFHKFwBPb_!!2881884531-0-cib.jpg')).toBeNull();
    expect(await renderDemoImage('https://example.com/a.jpg')).toBeNull();
  });

  it('draws every motif without text and with the SKU colour', () => {
    for (const motif of demoMotifIds) {
      const svg = demoImageSvg({ motif, colour: 15, variant: 0 });
      expect(svg).not.toMatch(/<text/);
      expect(svg).toContain(demoColours[15]?.hex);
    }
  });
});
