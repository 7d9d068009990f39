/** "New case study", "New concept", "New checklist items": from the user's or the shipped templates. */
import { Notice, parseYaml, stringifyYaml } from "obsidian";
import type { NoteRecord } from "../core/catalog";
import { kindsOf } from "../core/schema";
import { fallbackTemplate, instantiateTemplate, type TemplateKind } from "../core/newNote";
import type { CatalogService } from "./CatalogService";
import type { PluginHost } from "./host";
import { NameModal } from "./NameModal";
import { createAndOpen, readNote } from "./notes";

/** The template for a kind (its text, and its path for messages): a personal template first, then the shipped one, then a built-in minimum. */
export async function templateText(host: PluginHost, catalog: CatalogService, kind: TemplateKind): Promise<{ text: string; path: string | null }> {
	const candidates = catalog.get().ofType<NoteRecord>("template").filter((t) => t.properties["template-for"] === kind || kindsOf(t.tags).includes(kind));
	candidates.sort((a, b) => (a.origin === b.origin ? a.path.localeCompare(b.path) : a.origin === "personal" ? -1 : 1));
	for (const t of candidates) {
		const text = await readNote(host.app, t.path);
		if (text) return { text, path: t.path };
	}
	const shipped = host.template.files.find((f) => f.frontmatter?.["template-for"] === kind);
	return shipped ? { text: shipped.content, path: shipped.path } : { text: fallbackTemplate(kind), path: null };
}

const LABELS: Record<TemplateKind, string> = {
	"case-study": "New case study",
	concept: "New concept",
	checklist: "New checklist items",
};

export function newNoteFromTemplate(host: PluginHost, catalog: CatalogService, kind: TemplateKind): void {
	new NameModal(host.app, LABELS[kind], (title) => {
		void (async () => {
			const template = await templateText(host, catalog, kind);
			let text: string;
			try {
				text = instantiateTemplate(template.text, kind, title, { parse: parseYaml, stringify: stringifyYaml });
			} catch (e) {
				throw new Error(`the template "${template.path ?? "built in"}" could not be used: ${e instanceof Error ? e.message : String(e)}`);
			}
			await createAndOpen(host.app, host.data.settings.personalFolder, title, text);
		})().catch((e: unknown) => new Notice(`Could not create the note: ${e instanceof Error ? e.message : String(e)}`));
	}).open();
}
