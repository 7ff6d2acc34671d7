// `npm start`: the desktop app when Electron's binary is installed, web mode otherwise.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** The Electron executable, or null: the npm package throws when its binary was never downloaded. */
function electronBinary() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

async function startDesktop() {
  // The package's exports do not name its bin, so find it next to its package.json.
  const cli = path.join(path.dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  const child = spawn(process.execPath, [cli, 'dev'], { stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
}

async function startWeb() {
  console.log(
    "Electron's binary is not installed (it downloads on first launch, which needs internet access): starting web mode.",
  );
  const { createServer } = await import('vite');
  const server = await createServer({ configFile: 'vite.web.config.ts' });
  await server.listen();
  server.printUrls();
  const close = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
}

if (electronBinary()) await startDesktop();
else await startWeb();
