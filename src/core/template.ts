/** Helpers over the embedded template (the shipped notes). */
import { contentHash } from "./hash";
import type { EmbeddedTemplate, Frontmatter, TemplateFile } from "./types";

export function makeTemplateFile(path: string, content: string, frontmatter: Frontmatter | null): TemplateFile {
	return { path, content, hash: contentHash(content), frontmatter };
}

export function templateVersion(files: readonly TemplateFile[]): string {
	const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	return contentHash(sorted.map((f) => `${f.path}\u0000${f.hash}`).join("\n"));
}

export function makeTemplate(files: TemplateFile[]): EmbeddedTemplate {
	return { version: templateVersion(files), files };
}
