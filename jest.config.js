/** Jest: TypeScript through ts-jest (transpile only; `npm run typecheck` type-checks), tests colocated
 *  under src/ and in test/. The summary reporter prints the closing "N passed, N failed" line CI reads. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { isolatedModules: true, tsconfig: '<rootDir>/tsconfig.json' }],
  },
  reporters: ['default', '<rootDir>/test/reporter/summary-reporter.js'],
  testTimeout: 60000,
};
