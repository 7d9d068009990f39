/**
 * Front matter for notes the plugin and the CLI create. Core builds the
 * properties; the YAML text comes from an injected stringifier (Obsidian's
 * `stringifyYaml` in the plugin, the `yaml` package in the CLI and tests), so
 * quoting of `:`, `#`, quotes and newlines is the YAML library's job, never
 * string concatenation here. Edits of an existing note's properties go through
 * Obsidian's `processFrontMatter` instead (see src/obsidian).
 */
import type { Frontmatter } from "./types";

/** Turns a properties object into YAML text (one or more lines, ending with a newline or not). */
export type StringifyYaml = (value: Frontmatter) => string;

/** Parses YAML text; throws on invalid YAML. */
export type ParseYaml = (text: string) => unknown;

export interface YamlCodec {
	parse: ParseYaml;
	stringify: StringifyYaml;
}

/** `---`, the properties as YAML, `---`, each on its own line; nothing when there are no properties. */
export function frontmatterBlock(properties: Frontmatter, stringify: StringifyYaml): string {
	if (Object.keys(properties).length === 0) return "";
	const yaml = stringify(properties);
	return `---\n${yaml.endsWith("\n") ? yaml : `${yaml}\n`}---\n`;
}
