/** "Generate design checklist" (a new note) and "Insert design checklist" (at the cursor). */
import { Notice, stringifyYaml, type Editor } from "obsidian";
import { checklistToMarkdown } from "../core/checklist";
import { localDate } from "../core/dates";
import { frontmatterBlock } from "../core/yaml";
import type { CatalogService } from "./CatalogService";
import { CaseSuggestModal, type CaseChoice } from "./CaseSuggestModal";
import type { PluginHost } from "./host";
import { checklistFor, createAndOpen } from "./notes";

async function markdownFor(host: PluginHost, catalog: CatalogService, choice: CaseChoice, level: number, heading: string | null): Promise<string | null> {
	const cat = catalog.get();
	const sections = await checklistFor(host.app, cat, choice === "generic" ? null : choice);
	if (sections.every((s) => s.items.length === 0)) {
		new Notice("No checklist items found. Install the notes, or add a checklist section to your framework step notes.");
		return null;
	}
	return checklistToMarkdown(sections, { heading, level });
}

function chooseCase(host: PluginHost, catalog: CatalogService, then: (c: CaseChoice) => void): void {
	catalog.announceSkipped(["case-study", "framework-step", "checklist"]);
	new CaseSuggestModal(host.app, catalog.get().cases(), then).open();
}

export function generateChecklistNote(host: PluginHost, catalog: CatalogService): void {
	chooseCase(host, catalog, (choice) => {
		void (async () => {
			const name = choice === "generic" ? "generic" : choice.name;
			const title = `Checklist ${localDate()} ${name}`;
			const md = await markdownFor(host, catalog, choice, 2, null);
			if (md === null) return;
			const front = `${frontmatterBlock({ tags: ["mlsd/generated-checklist"] }, stringifyYaml)}# Design checklist: ${name}\n\n`;
			await createAndOpen(host.app, host.data.settings.practiceFolder, title, front + md);
		})().catch((e: unknown) => new Notice(`Could not create the checklist: ${e instanceof Error ? e.message : String(e)}`));
	});
}

export function insertChecklist(host: PluginHost, catalog: CatalogService, editor: Editor): void {
	chooseCase(host, catalog, (choice) => {
		void markdownFor(host, catalog, choice, 3, null).then((md) => {
			if (md !== null) editor.replaceSelection(md);
		});
	});
}
