// Nest 12 ships ESM only; jest runs CommonJS, so @swc/jest compiles our TypeScript and those
// ESM-only packages alike. Everything else in node_modules is left as it is.
const esmOnly = ['@nestjs', 'uid', 'es-toolkit', 'cookie', 'content-disposition', 'jose', '@redocly'];

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

module.exports = {
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  transform: { '^.+\\.(t|j|mj|cj)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  // End-to-end tests start real processes (gateway, simulator, redis-server); a busy machine is slow, not wrong.
  testTimeout: 20000,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/simulator/**/*.spec.ts', '<rootDir>/test/support/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
};
