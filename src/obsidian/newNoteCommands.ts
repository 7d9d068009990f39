/** "New case study", "New concept", "New checklist items": from the user's or the shipped templates. */
import { Notice, parseYaml, stringifyYaml } from "obsidian";
import type { NoteRecord } from "../core/catalog";
import { kindsOf } from "../core/schema";
import { fallbackTemplate, instantiateTemplate, type TemplateKind } from "../core/newNote";
import { SHIPPED_TEMPLATES } from "../generated/vaultTemplate";
import type { CatalogService } from "./CatalogService";
import type { PluginHost } from "./host";
import { NameModal } from "./NameModal";
import { createAndOpen, readNote } from "./notes";

/** The template for a kind (its text, and where it comes from, for messages): a personal template first, then the shipped one, then a built-in minimum. */
export async function templateText(host: PluginHost, catalog: CatalogService, kind: TemplateKind): Promise<{ text: string; source: string }> {
	const candidates = catalog.get().ofType<NoteRecord>("template").filter((t) => t.properties["template-for"] === kind || kindsOf(t.tags).includes(kind));
	candidates.sort((a, b) => (a.origin === b.origin ? a.path.localeCompare(b.path) : a.origin === "personal" ? -1 : 1));
	for (const t of candidates) {
		const text = await readNote(host.app, t.path);
		if (text) return { text, source: `the template "${t.path}"` };
	}
	const shipped = SHIPPED_TEMPLATES[kind];
	return shipped ? { text: shipped, source: `the shipped ${kind} template` } : { text: fallbackTemplate(kind), source: "the built-in template" };
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
				throw new Error(`${template.source} could not be used: ${e instanceof Error ? e.message : String(e)}`);
			}
			await createAndOpen(host.app, host.data.settings.personalFolder, title, text);
		})().catch((e: unknown) => new Notice(`Could not create the note: ${e instanceof Error ? e.message : String(e)}`));
	}).open();
}
