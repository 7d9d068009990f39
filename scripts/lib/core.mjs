// Lets build scripts use the project's TypeScript (src/core and the CLI's
// frontmatter parser) without a separate compile step: bundled once to a
// cache file and required.
import { build } from "esbuild";
import { createRequire } from "module";
import { resolve } from "path";

let cached;
export async function loadCore() {
	if (cached) return cached;
	const outfile = resolve("node_modules/.cache/mlsd/build-core.cjs");
	await build({
		stdin: {
			contents: [
				'export * from "./src/core/hash";',
				'export * from "./src/core/template";',
				'export * from "./src/core/binaryText";',
				'export * from "./src/core/textCodec";',
				'export * from "./src/core/templatePack";',
				'export * from "./src/cli/frontmatter";',
			].join("\n"),
			resolveDir: process.cwd(),
			loader: "ts",
		},
		bundle: true,
		format: "cjs",
		platform: "node",
		outfile,
		logLevel: "silent",
	});
	const require = createRequire(import.meta.url);
	delete require.cache[outfile];
	cached = require(outfile);
	return cached;
}
