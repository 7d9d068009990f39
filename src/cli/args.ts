/**
 * The CLI's commands as data, and a strict argument parser over Node's
 * util.parseArgs: an unknown flag, a missing value or a stray positional is a
 * usage error (exit 2) that names it and the closest valid spelling.
 *
 * A command is one `CommandSpec`: its name, positionals, options and `run`.
 * Help text, `--help` and validation all come from the spec, so adding a
 * command is writing one spec and listing it in src/cli/main.ts.
 */
import { parseArgs as nodeParseArgs } from "util";

export class UsageError extends Error {}

export interface OptionSpec {
	type: "string" | "boolean";
	/** Placeholder shown in help for a string option, e.g. "D" in `--domain D`. */
	value?: string;
	description: string;
	/** The only values allowed; a wrong one is answered with these and the closest match. */
	choices?: readonly string[];
}

export interface PositionalSpec {
	name: string;
	description: string;
	/** Optional positionals are shown in brackets; required ones are checked before `run`. */
	optional?: boolean;
}

export interface Io {
	out: (s: string) => void;
	err: (s: string) => void;
}

export interface CommandSpec {
	name: string;
	/** One line for the command list. */
	summary: string;
	/** More lines for `mlsd <command> --help`. */
	details?: string;
	positionals: PositionalSpec[];
	options: Record<string, OptionSpec>;
	run(args: Args, io: Io): Promise<number>;
}

/** The shape of parsed arguments some commands take (flags and valued options by name). */
export interface ParsedArgs {
	positionals: string[];
	flags: { has(name: string): boolean };
	options: { get(name: string): string | undefined };
}

/** Parsed arguments with typed getters. */
export class Args implements ParsedArgs {
	readonly flags = { has: (name: string): boolean => this.has(name) };
	readonly options = { get: (name: string): string | undefined => this.get(name) };

	constructor(
		readonly command: CommandSpec,
		readonly positionals: string[],
		private readonly values: Record<string, string | boolean | undefined>,
	) {}

	/** A string option's value (undefined when not given). */
	get(name: string): string | undefined {
		const v = this.values[name];
		return typeof v === "string" ? v : undefined;
	}

	/** Whether a boolean option was given. */
	has(name: string): boolean {
		return this.values[name] === true;
	}
}

/** Edit distance (with transpositions), for "did you mean". */
export function distance(a: string, b: string): number {
	const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
			d[i]![j] = v;
		}
	}
	return d[a.length]![b.length]!;
}

/** The valid value nearest to a wrong one, when it is near enough to be a slip (or a prefix/part of it). */
export function closest(wrong: string, valid: readonly string[]): string | null {
	const w = wrong.toLowerCase();
	let best: { v: string; d: number } | null = null;
	for (const v of valid) {
		const lv = v.toLowerCase();
		const d = lv.includes(w) && w.length >= 3 ? 0.5 : distance(w, lv);
		if (!best || d < best.d) best = { v, d };
	}
	if (!best) return null;
	return best.d <= Math.max(2, Math.floor(w.length / 3)) ? best.v : null;
}

/** "Valid values: a, b, c. Did you mean b?" */
export function validList(wrong: string, valid: readonly string[], what = "values"): string {
	const near = closest(wrong, valid);
	return `Valid ${what}: ${valid.join(", ")}.${near ? ` Did you mean "${near}"?` : ""}`;
}

/** Throws a usage error unless `value` is one of `valid` (compared case-insensitively); returns the valid spelling. */
export function checkChoice(option: string, value: string, valid: readonly string[]): string {
	const hit = valid.find((v) => v.toLowerCase() === value.trim().toLowerCase());
	if (hit !== undefined) return hit;
	throw new UsageError(`--${option} "${value}" is not valid. ${validList(value, valid)}`);
}

/** Options every command takes. */
const COMMON: Record<string, OptionSpec> = {
	help: { type: "boolean", description: "Show this help." },
};

/** Parses a command's arguments strictly; `--help` is answered by the caller before anything runs. */
export function parseCommandArgs(command: CommandSpec, argv: readonly string[]): Args {
	const specs = { ...command.options, ...COMMON };
	const options = Object.fromEntries(Object.entries(specs).map(([k, v]) => [k, { type: v.type }]));
	let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
	try {
		const r = nodeParseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
		parsed = { values: { ...r.values }, positionals: r.positionals };
	} catch (e) {
		throw new UsageError(explainParseError(e, command, Object.keys(specs)));
	}
	const { values, positionals } = parsed;
	if (values.help === true) return new Args(command, positionals, values);
	for (const [name, spec] of Object.entries(command.options)) {
		const v = values[name];
		if (typeof v === "string" && spec.choices) values[name] = checkChoice(name, v, spec.choices);
	}
	const required = command.positionals.filter((p) => !p.optional).length;
	if (positionals.length < required) {
		const missing = command.positionals[positionals.length]!;
		throw new UsageError(`mlsd ${command.name} needs ${article(missing.name)}: ${missing.description}.`);
	}
	if (positionals.length > command.positionals.length) {
		const extra = positionals[command.positionals.length]!;
		const asFlag = extra.startsWith("-") ? "" : closest(extra, Object.keys(specs));
		throw new UsageError(`Unexpected argument "${extra}": mlsd ${command.name} takes ${command.positionals.length === 0 ? "no arguments" : command.positionals.map((p) => `<${p.name}>`).join(" ")}.${asFlag ? ` Did you mean --${asFlag}?` : ""}`);
	}
	return new Args(command, positionals, values);
}

function article(name: string): string {
	return /^[aeiou]/i.test(name) ? `an <${name}>` : `a <${name}>`;
}

function explainParseError(e: unknown, command: CommandSpec, names: string[]): string {
	const code = (e as { code?: string }).code;
	const message = e instanceof Error ? e.message : String(e);
	const flag = /'(-{1,2}[^'\s]+)'/.exec(message)?.[1] ?? /(--?[\w-]+)/.exec(message)?.[1] ?? "";
	const valid = names.map((n) => `--${n}`);
	if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
		const near = closest(flag.replace(/^-+/, ""), names);
		return `Unknown option ${flag} for mlsd ${command.name}.${near ? ` Did you mean --${near}?` : ""} Valid options: ${valid.join(", ")}.`;
	}
	if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
		const name = flag.replace(/^-+/, "");
		const spec = command.options[name];
		if (spec?.type === "string") return `${flag} needs a value${spec.value ? ` (${spec.value})` : ""}.`;
		return `${flag} takes no value.`;
	}
	return message;
}

function optionLines(options: Record<string, OptionSpec>): string[] {
	const rows = Object.entries({ ...options, ...COMMON }).map(([name, o]) => {
		const left = `--${name}${o.type === "string" ? ` ${o.value ?? "VALUE"}` : ""}`;
		const right = `${o.description}${o.choices ? ` One of: ${o.choices.join(", ")}.` : ""}`;
		return [left, right] as const;
	});
	const width = Math.max(...rows.map(([l]) => l.length));
	return rows.map(([l, r]) => `  ${l.padEnd(width)}  ${r}`);
}

export function usageLine(c: CommandSpec): string {
	const pos = c.positionals.map((p) => (p.optional ? `[${p.name}]` : `<${p.name}>`)).join(" ");
	const opts = Object.entries(c.options).map(([n, o]) => (o.type === "string" ? `[--${n} ${o.value ?? "VALUE"}]` : `[--${n}]`)).join(" ");
	return `mlsd ${c.name}${pos ? ` ${pos}` : ""}${opts ? ` ${opts}` : ""}`;
}

/** `mlsd <command> --help`. */
export function commandHelp(c: CommandSpec): string {
	const lines = [`Usage: ${usageLine(c)}`, "", c.summary];
	if (c.details) lines.push("", c.details);
	if (c.positionals.length) {
		lines.push("", "Arguments:");
		const width = Math.max(...c.positionals.map((p) => p.name.length + 2));
		for (const p of c.positionals) lines.push(`  ${`<${p.name}>`.padEnd(width)}  ${p.description}${p.optional ? " (optional)" : ""}`);
	}
	lines.push("", "Options:", ...optionLines(c.options));
	return lines.join("\n");
}

/** `mlsd --help`. */
export function overviewHelp(commands: readonly CommandSpec[], version: string): string {
	const width = Math.max(...commands.map((c) => c.name.length));
	return [
		`mlsd ${version}: ML System Design Vault on the command line (the plugin's rules, outside Obsidian).`,
		"",
		"Usage: mlsd <command> [arguments] [options]",
		"",
		"Commands:",
		...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
		"",
		"Run `mlsd <command> --help` for a command's arguments and options; `mlsd --version` prints the version.",
	].join("\n");
}
