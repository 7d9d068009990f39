/** A small argument parser: positionals, `--flag` and `--key value`. */
export interface ParsedArgs {
	positionals: string[];
	flags: Set<string>;
	options: Map<string, string>;
}

export function parseArgs(argv: readonly string[], valued: readonly string[]): ParsedArgs {
	const out: ParsedArgs = { positionals: [], flags: new Set(), options: new Map() };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i]!;
		if (a.startsWith("--")) {
			const [key, inline] = a.slice(2).split("=", 2) as [string, string | undefined];
			if (valued.includes(key)) {
				const value = inline ?? argv[++i];
				if (value === undefined) throw new UsageError(`--${key} needs a value`);
				out.options.set(key, value);
			} else out.flags.add(key);
		} else out.positionals.push(a);
	}
	return out;
}

export class UsageError extends Error {}
