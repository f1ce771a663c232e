// Why a browser entry could not load its WebAssembly module, said plainly: most often a bundler
// that did not copy the `.wasm` file referenced with `new URL(…, import.meta.url)` (esbuild does
// not, unless told how: see the package README, "Bundlers").

/**
 * A rejection handler that throws an `Error` naming the module's URL and the cause.
 *
 * @param {URL} url where the entry looked for its module
 * @returns {(cause: unknown) => never}
 */
export function wasmMissing(url) {
  return (cause) => {
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new Error(
      `welfare-plan: cannot load its WebAssembly module from ${url} (${why}). Serve the package's ` +
        "`.wasm` files beside its scripts; with a bundler, see the package README, \"Bundlers\" " +
        "(esbuild needs `--loader:.wasm=file --conditions=esbuild`).",
      { cause },
    );
  };
}
