import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

// One project for both kinds of test: unit files opt into jsdom with a
// `@vitest-environment jsdom` docblock, browser files drive real Chromium from node.
// `root` is explicit so the same file works from this folder and as a root project.
export default defineConfig({
  root,
  oxc: { jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment' } },
  test: {
    name: 'widget',
    root,
    include: ['test/**/*.test.ts'],
    environment: 'node',
    globalSetup: [fileURLToPath(new URL('./test/global-setup.ts', import.meta.url))],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
