import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { transform as transformCss } from 'lightningcss';
import { defineConfig, type Plugin } from 'vite';

const root = import.meta.dirname;
const fromRoot = (path: string) => resolve(root, path);

/** One library entry per element (`src/define/*.ts`), plus the whole kit, the adapters and the testing suite. */
function libraryEntries(): Record<string, string> {
  const entries: Record<string, string> = {
    index: fromRoot('src/index.ts'),
    adapters: fromRoot('src/adapters/index.ts'),
    testing: fromRoot('src/testing/index.ts'),
  };
  for (const file of readdirSync(fromRoot('src/define'))) {
    if (file.endsWith('.ts')) entries[`define/${file.replace(/\.ts$/, '')}`] = fromRoot(`src/define/${file}`);
  }
  return entries;
}

/** Pages of the demo build. */
function demoPages(): Record<string, string> {
  const pages: Record<string, string> = {};
  for (const file of readdirSync(fromRoot('demo'))) {
    if (file.endsWith('.html')) pages[file.replace(/\.html$/, '')] = fromRoot(`demo/${file}`);
  }
  return pages;
}

/** `npm start` serves the demo at the root URL, the one Vite prints. */
function demoAtRoot(): Plugin {
  return {
    name: 'dealkit-demo-at-root',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        if (request.url === '/' || request.url === '/index.html') {
          response.statusCode = 302;
          response.setHeader('Location', '/demo/index.html');
          response.end();
          return;
        }
        next();
      });
    },
  };
}

/**
 * Minifies the CSS of Lit's css`...` templates in the kit's sources, which
 * the JavaScript minifier leaves as written (indentation, comments). A
 * template with an interpolation or a backslash is left alone: it is not
 * plain CSS, or its escapes would need care in a template literal.
 */
function minifyCssTemplates(): Plugin {
  const template = /\bcss`([^`]*)`/g;
  return {
    name: 'dealkit-minify-css-templates',
    apply: 'build',
    transform(code, id) {
      if (!id.startsWith(fromRoot('src')) || !id.endsWith('.ts') || !code.includes('css`')) return null;
      const minified = code.replace(template, (whole, css: string) => {
        if (css.includes('${') || css.includes('\\')) return whole;
        const { code: out } = transformCss({ filename: id, code: Buffer.from(css), minify: true });
        return `css\`${out.toString()}\``;
      });
      return minified === code ? null : { code: minified, map: null };
    },
  };
}

const isExternal = (id: string) => /^(lit|@lit\/|idb|d3|zod)(\/|$)/.test(id);

/**
 * The messages of every locale but English live in locale files named after
 * the locale (`src/i18n/common/fa.ts`, `src/elements/<element>/messages/fa.ts`)
 * and are imported on demand. Grouping them gives one chunk per locale
 * (`locale-fa`...), so a page in Persian makes one request for all its texts
 * and an English page none.
 */
const LOCALE_FILE = /[\\/]src[\\/].+[\\/](zh-Hans|zh-Hant|fa)\.ts$/;

function localeChunkName(id: string): string | null {
  const locale = LOCALE_FILE.exec(id)?.[1];
  return locale ? `locale-${locale}` : null;
}

export default defineConfig(({ mode }) => {
  if (mode === 'bundle') {
    // One self-contained, fully minified file for site builders:
    // <script type="module" src="dealkit.bundle.js">. Not lib mode, which
    // keeps whitespace in ES output for tree-shaking that a bundle does not need.
    // The locale chunks take only the texts, not what they import (the
    // formatter, which the main code needs too); that requires letting the
    // entry export what other chunks share, which also keeps the code every
    // page needs in the one file instead of extra chunks loaded at start.
    return {
      plugins: [minifyCssTemplates()],
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        target: 'es2022',
        minify: true,
        copyPublicDir: false,
        rolldownOptions: {
          input: fromRoot('src/index.ts'),
          preserveEntrySignatures: 'allow-extension',
          output: {
            entryFileNames: 'dealkit.bundle.js',
            chunkFileNames: 'dealkit-[name]-[hash].js',
            codeSplitting: { groups: [{ debugName: 'locales', name: localeChunkName, includeDependenciesRecursively: false }] },
          },
        },
      },
    };
  }
  if (mode === 'demo') {
    return {
      base: './',
      build: {
        outDir: 'dist-demo',
        target: 'es2022',
        rolldownOptions: { input: demoPages() },
      },
    };
  }
  return {
    plugins: [demoAtRoot(), minifyCssTemplates()],
    server: { host: '127.0.0.1', port: 5173 },
    build: {
      outDir: 'dist',
      target: 'es2022',
      minify: true,
      sourcemap: true,
      lib: { entry: libraryEntries(), formats: ['es'], fileName: (_format, name) => `${name}.js` },
      rolldownOptions: {
        external: isExternal,
        output: {
          codeSplitting: {
            groups: [
              // Library entries keep their exact exports, so a group takes its
              // modules' imports along. The formatter, which the locale files
              // import, is claimed first, or a locale chunk would take it and
              // every element would import that locale's chunk.
              { name: 'format', test: /[\\/]src[\\/]i18n[\\/]format\.ts$/, priority: 1 },
              { debugName: 'locales', name: localeChunkName },
            ],
          },
        },
      },
    },
  };
});
