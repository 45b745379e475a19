// @ts-check
const createNextIntlPlugin = require('next-intl/plugin');

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that bundlers break; argon2 and sharp are native addons.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'sharp', 'pg', 'fontkit', 'pdf-lib'],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
};

module.exports = withNextIntl(nextConfig);
