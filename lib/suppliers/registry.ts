import 'server-only';
import { createAlibaba1688Connector } from './alibaba-1688';
import { alibaba1688Keys } from './alibaba-1688/keys';
import { SupplierError, type SupplierConnector, type SupplierPlatform } from './types';

/**
 * The connectors Ferry has, by platform: adding a marketplace is one folder plus one line here.
 * A platform that is recognised (its links parse) but has no connector yet answers
 * `not_configured`, which the storefront and the CLI turn into a plain message.
 */
const factories: Partial<Record<SupplierPlatform, (env: Record<string, string | undefined>) => SupplierConnector>> = {
  '1688': (env) => createAlibaba1688Connector(alibaba1688Keys(env)),
};

const cache = new Map<SupplierPlatform, SupplierConnector>();

export function hasConnector(platform: SupplierPlatform): boolean {
  return platform in factories;
}

/** The platform's connector, built once per process from env. Throws SupplierError `not_configured`. */
export function getConnector(platform: SupplierPlatform): SupplierConnector {
  const known = cache.get(platform);
  if (known) return known;
  const factory = factories[platform];
  if (!factory) throw new SupplierError('not_configured', `Ferry has no connector for ${platform} yet`);
  const connector = factory(process.env);
  cache.set(platform, connector);
  return connector;
}

/** Drops built connectors (tests that change env between cases). */
export function resetConnectors(): void {
  cache.clear();
}
