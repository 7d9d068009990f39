/**
 * Starting a mock interview on a practice note: the time plan (only the
 * drilled steps in a partial drill, each with its share of the full
 * interview), and the interviewer's cues (the twist at its minute, the case's
 * follow-up questions over the last part) from the note and its case.
 */
import { Notice, type TFile } from "obsidian";
import { followUpsIn } from "../../core/interviewerCard";
import { cueSchedule, scalePlan } from "../../core/mockTimer";
import { practisedSteps } from "../../core/practice";
import { linkTargetOf } from "../../core/schema";
import { skippedSteps } from "../../core/session";
import type { CatalogService } from "../CatalogService";
import type { PluginHost } from "../host";
import type { TimerService } from "./TimerService";
import { readOutlined } from "../outline";
import { sectionOf } from "../../core/outline";

/** What the caller already knows about a note it has just written (its metadata may not be indexed yet). */
export interface KnownSession {
	caseName: string;
	twist: string | null;
	/** Drilled steps, or null for the whole interview. */
	drill: readonly number[] | null;
}

function fromProperties(host: PluginHost, file: TFile): KnownSession | null {
	const fm = host.app.metadataCache.getFileCache(file)?.frontmatter;
	if (!fm || typeof fm.case !== "string") return null;
	const skipped = skippedSteps(fm);
	return {
		caseName: linkTargetOf(fm.case),
		twist: typeof fm.twist === "string" && fm.twist.trim() !== "" ? fm.twist : null,
		drill: skipped.size > 0 ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].filter((n) => !skipped.has(n)) : null,
	};
}

async function followUpQuestions(host: PluginHost, catalog: CatalogService, caseName: string): Promise<string[]> {
	const c = catalog.get().caseByName(caseName);
	const note = c ? await readOutlined(host.app, c.path) : null;
	if (!note) return [];
	return followUpsIn(sectionOf(note, "Follow-up questions") ?? "").map((f) => f.question);
}

/** Starts the clock on a practice note; false (with a notice) when it cannot. */
export async function beginMock(host: PluginHost, catalog: CatalogService, timer: TimerService, path: string, known: KnownSession | null = null): Promise<boolean> {
	const file = host.app.vault.getFileByPath(path);
	if (!file) return false;
	if (timer.active) {
		new Notice(`A mock interview is already running for "${timer.active.practicePath}". Stop it first.`);
		return false;
	}
	const session = known ?? fromProperties(host, file);
	const { settings } = host.data;
	const full = scalePlan(catalog.get().stepPlan(), settings.mockMinutes);
	const plan = practisedSteps(full, session?.drill ?? null);
	if (plan.length === 0) {
		new Notice("This practice note skips every step, so there is nothing to time.");
		return false;
	}
	const followUps = settings.followUps && session ? await followUpQuestions(host, catalog, session.caseName) : [];
	const cues = cueSchedule(plan, { twistMinute: settings.twistMinute, twist: session?.twist ?? null, followUps });
	timer.beginPlanned(path, plan, { autoAdvance: settings.autoAdvance, cues });
	return true;
}
