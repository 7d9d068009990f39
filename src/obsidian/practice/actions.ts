/** What the practice loop's commands do, one function each. */
import { MarkdownView, normalizePath, Notice, stringifyYaml, TFile, type App } from "obsidian";
import type { CaseRecord } from "../../core/catalog";
import { localDate } from "../../core/dates";
import { resultsFromProperties, stepResults, timingProperties, type StepResult } from "../../core/practice";
import { scalePlan } from "../../core/mockTimer";
import { PROGRESS_TAG, progressMarkdown, progressNotePath, progressSummary, type ProgressSummary } from "../../core/progress";
import { drawForCase, type Draw } from "../../core/prompt";
import { nextDueCase } from "../../core/review";
import type { Rng } from "../../core/rng";
import { interviewPlanOf } from "../../core/settings";
import { kindOfCached, type CatalogService } from "../CatalogService";
import type { PluginHost } from "../host";
import { ensureFolder, loadTwists } from "../notes";
import { startPractice } from "../practice";
import { cardsDueToday } from "./cards";
import { beginMock } from "./mock";
import { checkPracticeNote, errorText, writeLoopResults } from "./practiceNotes";
import { SelfReviewModal } from "./SelfReviewModal";
import type { TimerService } from "./TimerService";
import { readOutlined } from "../outline";
import type { OutlinedNote } from "../../core/outline";

/** "Start mock interview": times the open practice note (only its drilled steps in a partial drill), with its cues. */
export async function startMockInterview(host: PluginHost, catalog: CatalogService, timer: TimerService): Promise<void> {
	const running = timer.active;
	if (running) {
		new Notice(`A mock interview is already running for "${running.practicePath}". Stop it first.`);
		return;
	}
	const file = host.app.workspace.getActiveFile();
	const check = file ? checkPracticeNote(host.app, file) : null;
	if (!file || !check || "problem" in check) {
		new Notice(check && "problem" in check ? check.problem : "Open a practice note first. Draw a prompt and choose \"Start practice\", or run \"Practise the next due case\".");
		return;
	}
	await beginMock(host, catalog, timer, file.path);
}

/** Results for every framework step: the timed ones, and the rest as skipped (a partial drill). */
function allStepResults(host: PluginHost, catalog: CatalogService, timed: StepResult[]): StepResult[] {
	const full = scalePlan(catalog.get().stepPlan(), host.data.settings.mockMinutes);
	const byStep = new Map(timed.map((r) => [r.step, r]));
	const out = full.map((p) => byStep.get(p.step) ?? { step: p.step, name: p.name, budget: p.minutes, minutes: 0, overrun: 0, score: null, skipped: true });
	for (const r of timed) if (!full.some((p) => p.step === r.step)) out.push(r);
	return out.sort((a, b) => a.step - b.step);
}

/** "Stop mock interview": writes the timing into the note (if it is still there), then opens the self-review. */
export async function stopMockInterview(host: PluginHost, catalog: CatalogService, timer: TimerService): Promise<void> {
	const ended = timer.stop();
	if (!ended) return;
	const file = host.app.vault.getFileByPath(ended.state.practicePath);
	if (!file) {
		new Notice(`The practice note "${ended.state.practicePath}" no longer exists, so the timing was not written.`);
		return;
	}
	const results = allStepResults(host, catalog, stepResults(ended.state, ended.view));
	try {
		await writeLoopResults(host.app, file, timingProperties(results), results);
	} catch (e) {
		// The timing is still in hand: the self-review below writes it again with the scores.
		new Notice(`Could not write the timing yet: ${errorText(e)}`);
	}
	new SelfReviewModal(host, catalog, file, results).open();
}

/** "Self-review this practice note": scores (again) a session whose review was closed or skipped. */
export function selfReviewActive(host: PluginHost, catalog: CatalogService): void {
	const file = host.app.workspace.getActiveFile();
	const check = file ? checkPracticeNote(host.app, file) : null;
	if (!file || !check || "problem" in check) {
		new Notice(check && "problem" in check ? check.problem : "Open a practice note first.");
		return;
	}
	const steps = scalePlan(catalog.get().stepPlan(), host.data.settings.mockMinutes);
	new SelfReviewModal(host, catalog, file, resultsFromProperties(check.record.properties, steps)).open();
}

/** "Practise this case" and friends: a draw for a chosen case (a prompt, and a twist that fits its domain). */
export async function drawFor(host: PluginHost, catalog: CatalogService, c: CaseRecord, rng: Rng = Math.random, twist = host.data.settings.promptFilters.twist): Promise<Draw> {
	const twists = twist ? await loadTwists(host.app, catalog.get()) : null;
	const draw = drawForCase(c, rng, twists);
	if (draw.twistNotice) new Notice(draw.twistNotice);
	return draw;
}

/** Whether the active note is a practice note (cheap: one metadata lookup, for command availability). */
export function activeIsPractice(host: PluginHost): boolean {
	const file = host.app.workspace.getActiveFile();
	return file ? kindOfCached(host.app.metadataCache.getFileCache(file)) === "practice" : false;
}

/** Whether the active note is a case study (cheap, for command availability). */
export function activeIsCase(host: PluginHost): boolean {
	const file = host.app.workspace.getActiveFile();
	return file ? kindOfCached(host.app.metadataCache.getFileCache(file)) === "case-study" : false;
}

function dueNotice(result: ReturnType<typeof nextDueCase>): string {
	if (result.kind === "due") {
		const late = result.overdueDays === 0 ? "due today" : `${result.overdueDays} day${result.overdueDays === 1 ? "" : "s"} overdue`;
		return `Review: ${result.case.name} (${late}).`;
	}
	return result.kind === "new" ? `New case: ${result.case.name} (${result.reason}).` : result.message;
}

/** "Practise the next due case": the most overdue case, else a new one within the daily limit, started like "Start practice". */
/** Hosts with "Practise the next due case" under way: a double trigger must not start two notes. */
const practising = new WeakSet<PluginHost>();

export async function practiseNextDue(host: PluginHost, catalog: CatalogService, rng: Rng = Math.random): Promise<void> {
	if (practising.has(host)) return;
	practising.add(host);
	try {
		catalog.announceSkipped();
		const { settings } = host.data;
		const result = nextDueCase(catalog.get(), localDate(), { newPerDay: settings.newCasesPerDay, plan: interviewPlanOf(settings), domain: settings.promptFilters.domain });
		new Notice(dueNotice(result), result.kind === "none" ? 10000 : undefined);
		if (result.kind === "none") return;
		await startPractice(host, catalog, await drawFor(host, catalog, result.case, rng));
	} finally {
		practising.delete(host);
	}
}

async function stepTexts(app: App, catalog: CatalogService): Promise<Map<string, OutlinedNote>> {
	const texts = new Map<string, OutlinedNote>();
	for (const s of catalog.get().steps()) {
		// One unreadable step note leaves its concepts out; it never stops the dashboard.
		const text = await readOutlined(app, s.path).catch(() => null);
		if (text !== null) texts.set(s.path, text);
	}
	return texts;
}

/** Writes the progress note, refusing to overwrite a note of the user's that happens to sit at its path. */
async function writeProgressNote(app: App, path: string, markdown: string): Promise<TFile | null> {
	const existing = app.vault.getAbstractFileByPath(path);
	if (existing instanceof TFile) {
		if (!(await app.vault.read(existing)).includes(PROGRESS_TAG)) {
			new Notice(`"${path}" is a note of yours, so it was not overwritten. Rename it to let the plugin write the progress note there.`);
			return null;
		}
		await app.vault.modify(existing, markdown);
		return existing;
	}
	if (existing) {
		new Notice(`"${path}" is a folder, so the progress note cannot be written there.`);
		return null;
	}
	await ensureFolder(app, path.slice(0, path.lastIndexOf("/")) || "/");
	return app.vault.create(path, markdown);
}

/** The dashboard's numbers as of today, with the interview plan and the cards due. */
export async function currentProgress(host: PluginHost, catalog: CatalogService): Promise<ProgressSummary> {
	catalog.announceSkipped();
	return progressSummary(catalog.get(), await stepTexts(host.app, catalog), localDate(), {
		plan: interviewPlanOf(host.data.settings),
		cardsDue: await cardsDueToday(host, catalog),
	});
}

/** "Save as note" in the progress view: writes or refreshes the progress note in the practice folder and shows it. */
export async function writeProgress(host: PluginHost, catalog: CatalogService): Promise<void> {
	try {
		const summary = await currentProgress(host, catalog);
		const path = normalizePath(progressNotePath(host.data.settings.practiceFolder));
		const file = await writeProgressNote(host.app, path, progressMarkdown(summary, stringifyYaml));
		if (!file) return;
		if (host.app.workspace.getActiveViewOfType(MarkdownView)?.file?.path !== file.path) await host.app.workspace.getLeaf(true).openFile(file);
	} catch (e) {
		new Notice(`Could not write the progress note: ${errorText(e)}`);
	}
}

/** The case study open in the active tab, if any. */
export function activeCase(host: PluginHost, catalog: CatalogService): CaseRecord | null {
	const file = host.app.workspace.getActiveFile();
	const record = file ? catalog.get().get(file.path) : undefined;
	return record?.type === "case-study" ? (record as CaseRecord) : null;
}
