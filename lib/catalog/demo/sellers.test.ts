import { describe, expect, it } from 'vitest';
import { demoCategoryTree } from './categories';
import { DEMO_SELLER_COUNT, demoSellersFor, getDemoSellers } from './sellers';

describe('demo sellers', () => {
  const sellers = getDemoSellers('ferry-demo');

  it(`has ${DEMO_SELLER_COUNT} sellers with unique ids, names and logins`, () => {
    expect(sellers).toHaveLength(DEMO_SELLER_COUNT);
    for (const key of ['userId', 'memberId', 'loginId', 'name'] as const) {
      expect(new Set(sellers.map((s) => s[key])).size, key).toBe(DEMO_SELLER_COUNT);
    }
  });

  it('shapes ids like 1688 member ids and keeps ratings in 10–50', () => {
    for (const s of sellers) {
      expect(s.userId).toMatch(/^\d{10}$/);
      expect(s.memberId).toBe(`b2b-${s.userId}${s.memberId.slice(-5)}`);
      expect(s.memberId).toMatch(/^b2b-\d{10}[0-9a-f]{5}$/);
      expect(s.rating).toBeGreaterThanOrEqual(10);
      expect(s.rating).toBeLessThanOrEqual(50);
      expect(s.name).toMatch(/(有限公司|厂|商行)$/);
      expect(s.name.startsWith(s.city) || /^[\p{Script=Han}]+[市县]/u.test(s.name)).toBe(true);
      expect(s.nameEn).toMatch(/^[A-Z][A-Za-z' ,.&-]+$/);
    }
  });

  it('gives every top-level category its own sellers', () => {
    for (const top of demoCategoryTree) {
      const own = demoSellersFor('ferry-demo', top.slug);
      expect(own.length, top.slug).toBeGreaterThanOrEqual(6);
      expect(own.every((s) => s.categorySlug === top.slug)).toBe(true);
    }
  });

  it('is deterministic per seed and differs between seeds', () => {
    expect(JSON.stringify(getDemoSellers('another-seed'))).toBe(JSON.stringify(getDemoSellers('another-seed')));
    expect(getDemoSellers('another-seed').map((s) => s.userId)).not.toEqual(sellers.map((s) => s.userId));
  });
});
