/**
 * `mlsd plan <vault> --interview-date YYYY-MM-DD [--today YYYY-MM-DD] [--json]`:
 * the same plan as the "Today's plan" command (src/core/plan.ts). Settings the
 * plugin saved in the vault (target domains, anchors, new cases per day, the
 * prompt's domain filter, an interview date) are used unless an option says
 * otherwise. A thin entry: parse, load, call the core, print.
 */
import { promises as fs } from "fs";
import { join } from "path";
import { localDate } from "../core/dates";
import { REVIEW_LOG_NOTE } from "../core/flashcards";
import { joinPath } from "../core/paths";
import { planText, todaysPlan } from "../core/plan";
import { interviewPlanOf, migrateData, nameList, validDate, type Settings } from "../core/settings";
import { loadTemplate } from "../generated/vaultTemplate";
import { UsageError, type Args, type CommandSpec } from "./args";
import { folderFlashcardsDue, loadFolderCatalog } from "./vaultCatalog";

type Out = (s: string) => void;

function dateOption(name: string, value: string | undefined): string | undefined {
	if (value === undefined) return undefined;
	const d = validDate(value);
	if (!d) throw new UsageError(`--${name} must be a date such as 2026-03-01.`);
	return d;
}

/** The plugin's settings saved in the vault, or the defaults when there are none (read only; never written). */
async function vaultSettings(vault: string, configDir: string): Promise<Settings> {
	try {
		const text = await fs.readFile(join(vault, configDir, "plugins", "ml-system-design-vault", "data.json"), "utf8");
		return migrateData(JSON.parse(text), { configDir }).data.settings;
	} catch {
		return migrateData(null, { configDir }).data.settings;
	}
}

async function plan(args: Args, out: Out, err: Out): Promise<number> {
	const vault = args.positionals[0];
	if (!vault) throw new UsageError("Name a vault folder.");
	if (!(await fs.stat(vault).catch(() => null))?.isDirectory()) throw new Error(`"${vault}" is not a folder.`);
	const today = dateOption("today", args.get("today")) ?? localDate();
	const settings = await vaultSettings(vault, args.get("config-dir") ?? ".obsidian");
	const plan = interviewPlanOf(settings);
	plan.interviewDate = dateOption("interview-date", args.get("interview-date")) ?? plan.interviewDate;
	const domains = args.get("domains");
	if (domains !== undefined) plan.targetDomains = nameList(domains, true) ?? [];
	const anchors = args.get("anchors");
	if (anchors !== undefined) plan.anchors = nameList(anchors, false) ?? [];
	const perDay = args.get("new-per-day");
	const newPerDay = perDay === undefined ? settings.newCasesPerDay : Number(perDay);
	if (!Number.isInteger(newPerDay) || newPerDay < 0 || newPerDay > 20) throw new UsageError("--new-per-day must be a whole number from 0 to 20.");
	const fc = await loadFolderCatalog(vault, loadTemplate());
	for (const s of fc.catalog.skipped()) err(`skipped ${s.path}: ${s.problems.join("; ")}`);
	// Cards due now, as Obsidian counts them; for another --today, those due by the end of that day.
	const at = today === localDate() ? new Date() : new Date(`${today}T23:59:59`);
	const cardsDue = folderFlashcardsDue(fc, joinPath(settings.practiceFolder, REVIEW_LOG_NOTE), at, settings.newCardsPerDay, today);
	const result = todaysPlan(fc.catalog, { today, plan, newPerDay, domain: settings.promptFilters.domain, cardsDue });
	out(args.has("json") ? JSON.stringify(result, null, 2) : planText(result));
	return 0;
}

export const planCommand: CommandSpec = {
	name: "plan",
	summary: "Today's plan to the interview date: the mock to run, the cases due, days left, and the schedule until the day before.",
	details: "Reads the plugin's settings in <vault> when present; the options override them.",
	positionals: [{ name: "vault", description: "the vault folder (its plugin settings are read when present)" }],
	options: {
		"interview-date": { type: "string", value: "YYYY-MM-DD", description: "The interview date." },
		today: { type: "string", value: "YYYY-MM-DD", description: "Plan as of this date (default today)." },
		domains: { type: "string", value: "D1,D2", description: "Target domains, comma-separated." },
		anchors: { type: "string", value: "\"Case A,Case B\"", description: "Cases to practise first, comma-separated." },
		"new-per-day": { type: "string", value: "N", description: "New cases per day (0 to 20)." },
		"config-dir": { type: "string", value: "DIR", description: "The vault's config folder (default .obsidian)." },
		json: { type: "boolean", description: "Print JSON instead of text." },
	},
	run: (args, io) => plan(args, io.out, io.err),
};
