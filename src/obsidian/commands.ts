/** Registers the plugin's commands. Ids carry no plugin prefix; no default hotkeys. */
import type { CatalogService } from "./CatalogService";
import { generateChecklistNote, insertChecklist } from "./checklistCommands";
import type { PluginHost } from "./host";
import { runInstall } from "./install";
import { removeUntouched, restoreShippedNote } from "./installCommands";
import { newNoteFromTemplate } from "./newNoteCommands";
import { PromptModal } from "./PromptModal";
import { offerTags } from "./TagOfferModal";
import { registerPracticeCommands } from "./practice/commands";
import { registerFlashcardCommands } from "./flashcards/commands";

export function registerCommands(host: PluginHost, catalog: CatalogService): void {
	const { plugin } = host;
	plugin.addCommand({ id: "install-notes", name: "Install or update notes", callback: () => void runInstall(host) });
	plugin.addCommand({ id: "restore-note", name: "Restore a shipped note", callback: () => restoreShippedNote(host) });
	plugin.addCommand({ id: "remove-untouched", name: "Remove untouched shipped notes", callback: () => removeUntouched(host) });
	const timer = registerPracticeCommands(host, catalog);
	registerFlashcardCommands(host, catalog);
	plugin.addCommand({ id: "draw-prompt", name: "Draw a random interview prompt", callback: () => new PromptModal(host, catalog, timer).open() });
	plugin.addCommand({ id: "generate-checklist", name: "Generate design checklist", callback: () => generateChecklistNote(host, catalog) });
	plugin.addCommand({ id: "insert-checklist", name: "Insert design checklist into this note", editorCallback: (editor) => insertChecklist(host, catalog, editor) });
	plugin.addCommand({ id: "new-case-study", name: "New case study", callback: () => newNoteFromTemplate(host, catalog, "case-study") });
	plugin.addCommand({ id: "new-concept", name: "New concept", callback: () => newNoteFromTemplate(host, catalog, "concept") });
	plugin.addCommand({ id: "new-checklist", name: "New checklist items", callback: () => newNoteFromTemplate(host, catalog, "checklist") });
	plugin.addCommand({ id: "offer-tags", name: "Add tags to notes from an earlier version", callback: () => offerTags(host) });
}
