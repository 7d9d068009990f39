/** "Start practice": writes a practice note for a drawn prompt and opens it. */
import { Notice, stringifyYaml } from "obsidian";
import { toRecord } from "../core/catalog";
import { localDate } from "../core/dates";
import { scalePlan } from "../core/mockTimer";
import { practiceNote, practiceTitle } from "../core/practice";
import type { Draw } from "../core/prompt";
import { SESSION_DATE } from "../core/session";
import type { CatalogService } from "./CatalogService";
import type { PluginHost } from "./host";
import { checklistFor, createAndOpen } from "./notes";

/** Writes and opens the practice note; resolves to its path, or null when it could not be written. */
export async function startPractice(host: PluginHost, catalog: CatalogService, draw: Draw, drillSteps: readonly number[] | null = null): Promise<string | null> {
	try {
		const cat = catalog.get();
		const { mockMinutes: total, twistMinute } = host.data.settings;
		// The time plan uses the step budgets scaled to the interview length in the settings.
		const steps = scalePlan(cat.stepPlan(), total);
		const checklist = await checklistFor(host.app, cat, cat.caseByName(draw.caseName) ?? null);
		const date = localDate();
		const drill = drillSteps && drillSteps.length > 0 && drillSteps.length < steps.length ? [...drillSteps].sort((a, b) => a - b) : null;
		const text = practiceNote({ draw, date, steps, drillSteps: drill, checklist, totalMinutes: total, twistMinute }, stringifyYaml);
		const file = await createAndOpen(host.app, host.data.settings.practiceFolder, practiceTitle(draw, date, drill), text);
		// Known at once, before the metadata cache indexes the new note, so a quick second draw sees it.
		catalog.get().set(file.path, toRecord(file.path, { tags: ["mlsd/practice"], case: `[[${draw.caseName}]]`, prompt: draw.prompt, [SESSION_DATE]: date }, "personal"));
		return file.path;
	} catch (e) {
		new Notice(`Could not start practice: ${e instanceof Error ? e.message : String(e)}`);
		return null;
	}
}
