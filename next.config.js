// @ts-check
const createNextIntlPlugin = require('next-intl/plugin');

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that bundlers break; argon2 and sharp are native addons.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'sharp', 'pg', 'pg-boss', 'fontkit', 'pdf-lib'],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  // proxy.ts sets the security headers on everything it sees; static files bypass it, so they get
  // theirs here (scripts and styles must never be sniffed into something else).
  async headers() {
    return [{ source: '/:path(_next/static/.*|favicon.ico)', headers: [{ key: 'X-Content-Type-Options', value: 'nosniff' }] }];
  },
};

module.exports = withNextIntl(nextConfig);
