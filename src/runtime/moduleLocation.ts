/**
 * Where this code runs from: the TypeScript sources (through tsx or vitest) or the compiled
 * JavaScript in `dist/` (`npm run build`). Modules that name another module by path (worker
 * entries, worker modules, the CLI's command folder) or read a file of the checkout use this file,
 * so the choice between `.ts` and `.js`, and between `<root>/` and `<root>/dist/`, is made here only.
 */

/**
 * Extension of the modules of the tree a module URL belongs to: `.js` for a compiled module
 * (`.js`, `.mjs`), `.ts` otherwise.
 * @param moduleUrl - A module's `import.meta.url` (a query string, e.g. `?tsx`, is ignored).
 * @returns `.ts` or `.js`.
 * @example moduleExtensionOf('file:///p/dist/src/cli/main.js') // '.js'
 */
export function moduleExtensionOf(moduleUrl: string): '.ts' | '.js' {
  const { pathname } = new URL(moduleUrl);
  return pathname.endsWith('.js') || pathname.endsWith('.mjs') ? '.js' : '.ts';
}

/**
 * The package root (file URL ending in `/`) of a module `depth` folders below it in the source
 * tree; one folder higher when the module is compiled (it then sits in `dist/`).
 * @param moduleUrl - A module's `import.meta.url`.
 * @param depth - Folders between the package root and the module's folder in the source tree.
 * @returns File URL of the package root.
 * @example packageRootOf('file:///p/dist/src/runtime/moduleLocation.js', 2) // 'file:///p/'
 */
export function packageRootOf(moduleUrl: string, depth: number): string {
  const up = depth + (moduleExtensionOf(moduleUrl) === '.js' ? 1 : 0);
  return new URL('../'.repeat(up) || './', moduleUrl).href;
}

/** `.ts` when this code runs from the sources, `.js` when it runs from `dist/`. */
export const MODULE_EXTENSION = moduleExtensionOf(import.meta.url);

/** File URL (ending in `/`) of the package root, whichever tree runs. */
export const PACKAGE_ROOT_URL = packageRootOf(import.meta.url, 2);

/**
 * URL of a module of this project named without extension, relative to the calling module and in
 * the calling module's tree: `siblingModule('./replicateWorker', import.meta.url)` is
 * `replicateWorker.ts` from the sources and `replicateWorker.js` from `dist/`.
 * @param relative - Path relative to `base`, without extension.
 * @param base - The calling module's `import.meta.url`.
 * @returns The module's file URL.
 */
export function siblingModule(relative: string, base: string): URL {
  return new URL(`${relative}${moduleExtensionOf(base)}`, base);
}

/**
 * URL of a file of the checkout (scenarios, package.json, bench data), from the package root,
 * whichever tree runs.
 * @param relative - Path from the package root, e.g. `bench/baseline.json`.
 * @returns The file URL.
 */
export function packageFile(relative: string): URL {
  return new URL(relative, PACKAGE_ROOT_URL);
}
