/**
 * Frontmatter parsing for build time, the CLI and tests; never bundled into
 * main.js (gray-matter needs Node). The YAML engine is `yaml` with the YAML
 * 1.2 core schema, as in Obsidian: dates stay text. Passing options also
 * turns off gray-matter's shared cache.
 */
import matter from "gray-matter";
import { parse, stringify, YAMLParseError } from "yaml";
import type { YamlResult } from "../core/doctor";
import type { Frontmatter } from "../core/types";

function loadYaml(text: string): unknown {
	return (parse(text) as unknown) ?? {};
}

function errorOf(e: unknown): { error: string; line: number | null } {
	if (e instanceof YAMLParseError) {
		const line = e.linePos?.[0]?.line;
		return { error: e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, ""), line: line === undefined ? null : line - 1 };
	}
	return { error: e instanceof Error ? e.message : String(e), line: null };
}

/** Parses YAML; an error carries the 0-based line inside the text. */
export function parseYaml(text: string): YamlResult {
	try {
		return { value: loadYaml(text) };
	} catch (e) {
		return errorOf(e);
	}
}

export type FrontmatterResult =
	| { data: Frontmatter | null; body: string }
	| { error: string; line: number | null };

/** Parses a note's frontmatter; `line` in an error is the 1-based line in the file. */
export function parseFrontmatter(text: string): FrontmatterResult {
	if (!/^---\r?\n/.test(text)) return { data: null, body: text };
	try {
		const m = matter(text, { engines: { yaml: (s: string) => loadYaml(s) as object } });
		const data = m.data as unknown;
		if (typeof data !== "object" || data === null || Array.isArray(data)) return { error: "the properties must be key: value pairs", line: 2 };
		return { data: data as Frontmatter, body: m.content };
	} catch (e) {
		const err = errorOf(e);
		return { error: err.error, line: err.line === null ? null : err.line + 2 };
	}
}

/** Properties as YAML, for notes the CLI writes (the plugin uses Obsidian's stringifyYaml). */
export function stringifyYaml(value: Frontmatter): string {
	return stringify(value, { lineWidth: 0 });
}
