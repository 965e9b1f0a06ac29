/**
 * `npm run openapi`: writes the OpenAPI document of the REST contract to
 * docs/rest-api.openapi.json. With `--check`, writes nothing and exits 1 when
 * the committed file differs from what the schemas give (for CI).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { buildOpenApiDocument } from './openapi.js';

const target = new URL('../../docs/rest-api.openapi.json', import.meta.url);
const text = `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;

if (process.argv.includes('--check')) {
  const committed = await readFile(target, 'utf8').catch(() => '');
  if (committed !== text) {
    console.error('docs/rest-api.openapi.json is stale: run "npm run openapi" and commit the result.');
    process.exit(1);
  }
  console.log('docs/rest-api.openapi.json is current.');
} else {
  await writeFile(target, text);
  console.log(`wrote ${target.pathname}`);
}
