import { describe, expect, it } from 'vitest';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password';

describe('password hashing', () => {
  it('produces an argon2id PHC string that verifies the same password only', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(stored, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(stored, 'correct horse battery stapl')).toBe(false);
    expect(await verifyPassword(stored, 'Correct horse battery staple')).toBe(false);
  });

  it('salts every hash', async () => {
    const [a, b] = await Promise.all([hashPassword('same-password'), hashPassword('same-password')]);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, 'same-password')).toBe(true);
    expect(await verifyPassword(b, 'same-password')).toBe(true);
  });

  it('handles non-ASCII passwords', async () => {
    const stored = await hashPassword('密码Пароль🔑كلمة');
    expect(await verifyPassword(stored, '密码Пароль🔑كلمة')).toBe(true);
    expect(await verifyPassword(stored, '密码Пароль🔑')).toBe(false);
  });

  it('answers false (not throws) for a malformed stored hash or an absurdly long password', async () => {
    expect(await verifyPassword('not-a-hash', 'whatever')).toBe(false);
    const stored = await hashPassword('x'.repeat(256));
    expect(await verifyPassword(stored, 'x'.repeat(256))).toBe(true);
    expect(await verifyPassword(stored, 'x'.repeat(257))).toBe(false);
  });

  it('the timing equaliser never accepts', async () => {
    expect(await verifyAgainstDummy('ferry-timing-equaliser')).toBe(false);
  });
});
