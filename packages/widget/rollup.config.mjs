// Three outputs: the script-tag loader and UI chunk (IIFE, minified, budgeted) and
// the npm ESM build whose UI is a dynamic-import chunk the host's bundler splits off.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { rmSync } from 'node:fs';

// Hashed ESM chunks would pile up across builds otherwise.
rmSync(new URL('./dist', import.meta.url), { recursive: true, force: true });

const plugins = (minify) => [
  nodeResolve({ browser: true, extensions: ['.ts', '.tsx', '.mjs', '.js'] }),
  // Classic h() calls: preact/jsx-runtime would add a second vnode factory to the chunk.
  esbuild({ target: 'es2022', jsx: 'transform', jsxFactory: 'h', jsxFragment: 'Fragment', tsconfig: 'tsconfig.json' }),
  minify &&
    terser({
      ecma: 2020,
      toplevel: true,
      compress: { passes: 3, pure_getters: true, unsafe_arrows: true },
      format: { comments: false },
    }),
];

const iife = (input, file) => ({
  input,
  plugins: plugins(true),
  output: { file, format: 'iife', strict: false },
  treeshake: { moduleSideEffects: (id) => id.includes('script-tag') || id.includes('standalone') },
});

export default [
  iife('src/script-tag.ts', 'dist/hark.js'),
  iife('src/ui/standalone.ts', 'dist/hark-ui.js'),
  {
    input: 'src/index.ts',
    plugins: plugins(false),
    output: { dir: 'dist/esm', format: 'es', entryFileNames: 'index.js', chunkFileNames: '[name]-[hash].js' },
  },
];
