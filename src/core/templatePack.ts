/**
 * The byte layout of the shipped notes inside main.js, before compression:
 * one line of JSON (version, paths, and the properties of template notes,
 * the only ones read from the bundle) then every file's text, separated by
 * NUL. Hashes are recomputed on unpacking rather than stored: hex digits do
 * not compress, and the text is at hand.
 */
import { contentHash } from "./hash";
import type { EmbeddedTemplate, Frontmatter, TemplateFile } from "./types";

interface Header {
	version: string;
	files: [path: string, frontmatter: Frontmatter | null][];
}

/** Properties kept in the pack: those of template notes ("New case study" reads their `template-for`). */
function keptFrontmatter(f: TemplateFile): Frontmatter | null {
	return f.frontmatter?.type === "template" ? f.frontmatter : null;
}

export function packTemplate(template: EmbeddedTemplate): string {
	for (const f of template.files) if (f.content.includes("\u0000") || f.path.includes("\u0000")) throw new Error(`${f.path}: a NUL character cannot be shipped.`);
	const header: Header = { version: template.version, files: template.files.map((f) => [f.path, keptFrontmatter(f)]) };
	return [JSON.stringify(header), ...template.files.map((f) => f.content)].join("\u0000");
}

export function unpackTemplate(packed: string): EmbeddedTemplate {
	const parts = packed.split("\u0000");
	const header = JSON.parse(parts[0]!) as Header;
	if (parts.length !== header.files.length + 1) throw new Error(`The embedded notes are damaged: ${parts.length - 1} texts for ${header.files.length} files.`);
	const files = header.files.map(([path, frontmatter], i): TemplateFile => {
		const content = parts[i + 1]!;
		return { path, content, hash: contentHash(content), frontmatter };
	});
	return { version: header.version, files };
}
