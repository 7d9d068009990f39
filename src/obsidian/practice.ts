/** "Start practice": writes a practice note for a drawn prompt and opens it. */
import { Notice } from "obsidian";
import { toRecord } from "../core/catalog";
import { localDate } from "../core/dates";
import { scalePlan } from "../core/mockTimer";
import { practiceNote, practiceTitle } from "../core/practice";
import type { Draw } from "../core/prompt";
import type { CatalogService } from "./CatalogService";
import type { PluginHost } from "./host";
import { checklistFor, createAndOpen } from "./notes";

/** Writes and opens the practice note; resolves to its path, or null when it could not be written. */
export async function startPractice(host: PluginHost, catalog: CatalogService, draw: Draw): Promise<string | null> {
	try {
		const cat = catalog.get();
		const total = host.data.settings.mockMinutes;
		// The time plan uses the step budgets scaled to the interview length in the settings.
		const steps = scalePlan(cat.stepPlan(), total);
		const checklist = await checklistFor(host.app, cat, cat.caseByName(draw.caseName) ?? null);
		const date = localDate();
		const text = practiceNote({ draw, date, steps, checklist, totalMinutes: total });
		const file = await createAndOpen(host.app, host.data.settings.practiceFolder, practiceTitle(draw, date), text);
		// Known at once, before the metadata cache indexes the new note, so a quick second draw sees it.
		catalog.get().set(file.path, toRecord(file.path, { tags: ["mlsd/practice"], case: `[[${draw.caseName}]]`, prompt: draw.prompt, date, minutes: total }, "personal"));
		return file.path;
	} catch (e) {
		new Notice(`Could not start practice: ${e instanceof Error ? e.message : String(e)}`);
		return null;
	}
}
