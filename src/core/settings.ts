/**
 * Plugin settings and the shape of the plugin's data file, with validation
 * and migration from older shapes. The same file is written by `mlsd install`,
 * so a vault set up from the command line updates correctly in Obsidian.
 */
import { EMPTY_RECORD, type InstallRecord } from "./install";
import { DEFAULT_FILTERS, type PromptFilters } from "./prompt";
import { difficultyOf, domainOf } from "./schema";

export interface Settings {
	/** Folder the shipped notes are installed into. */
	installFolder: string;
	/** Folder for practice notes written by the plugin. */
	practiceFolder: string;
	/** Folder for the user's own notes created from templates. */
	personalFolder: string;
	/** The prompt modal's filters, remembered between draws. */
	promptFilters: PromptFilters;
	/** Length of a mock interview; step budgets scale to it. */
	mockMinutes: number;
	/** How many never-practised cases "Practise the next due case" may introduce per day. */
	newCasesPerDay: number;
	/** The interview plan: date (YYYY-MM-DD or null), target domains and anchor cases (names). */
	interviewDate: string | null;
	targetDomains: string[];
	anchors: string[];
	/** Minute of a mock interview at which the twist is added; 0: no fixed minute (it stays folded in the note). */
	twistMinute: number;
	/** Move to the next step when a step's budget runs out. */
	autoAdvance: boolean;
	/** Play a short generated tone when a step's time is up. */
	soundCue: boolean;
	/** Let the case's follow-up questions surface during a mock interview. */
	followUps: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
	installFolder: "ML System Design",
	practiceFolder: "ML System Design practice",
	personalFolder: "ML System Design personal",
	promptFilters: { ...DEFAULT_FILTERS },
	mockMinutes: 45,
	newCasesPerDay: 1,
	interviewDate: null,
	targetDomains: [],
	anchors: [],
	twistMinute: 25,
	autoAdvance: false,
	soundCue: false,
	followUps: true,
};

/** Allowed ranges of the numeric settings (validated on load and in the settings tab). */
export const NUMBER_RANGES: Record<"mockMinutes" | "newCasesPerDay" | "twistMinute", [number, number]> = { mockMinutes: [10, 180], newCasesPerDay: [0, 20], twistMinute: [0, 180] };

const BOOLEAN_KEYS = ["autoAdvance", "soundCue", "followUps"] as const;
/** At most this many anchor cases (a three-week plan has three). */
export const MAX_ANCHORS = 5;

/** A calendar date YYYY-MM-DD that exists, or null. */
export function validDate(v: unknown): string | null {
	if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(v.trim())) return null;
	const t = v.trim();
	const d = new Date(`${t}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === t ? t : null;
}

/** Distinct non-empty names from a list (or a comma-separated text), in order. */
export function nameList(v: unknown, lower: boolean): string[] | null {
	const raw = typeof v === "string" ? v.split(",") : Array.isArray(v) ? v : null;
	if (raw === null || !raw.every((x) => typeof x === "string")) return null;
	const out: string[] = [];
	for (const x of raw) {
		const t = lower ? x.trim().toLowerCase() : x.trim();
		if (t !== "" && !out.some((o) => o.toLowerCase() === t.toLowerCase())) out.push(t);
	}
	return out;
}

function readPlanSettings(raw: Record<string, unknown>, settings: Settings, warnings: string[]): void {
	if (raw.interviewDate !== undefined && raw.interviewDate !== null && raw.interviewDate !== "") {
		const d = validDate(raw.interviewDate);
		if (d) settings.interviewDate = d;
		else warnings.push(`The interview date ${JSON.stringify(raw.interviewDate)} is not a date such as 2026-03-01; it was cleared.`);
	}
	for (const k of ["targetDomains", "anchors"] as const) {
		if (raw[k] === undefined) continue;
		const list = nameList(raw[k], k === "targetDomains");
		if (list) settings[k] = k === "anchors" ? list.slice(0, MAX_ANCHORS) : list;
		else warnings.push(`Setting "${k}" must be a list of names; it was cleared.`);
	}
	for (const k of BOOLEAN_KEYS) if (typeof raw[k] === "boolean") settings[k] = raw[k];
}

const FOLDER_KEYS = ["installFolder", "practiceFolder", "personalFolder"] as const;

function readFilters(raw: unknown, warnings: string[]): PromptFilters {
	const f: PromptFilters = { ...DEFAULT_FILTERS };
	if (raw === undefined) return f;
	if (!isObject(raw)) {
		warnings.push("Prompt filters were not readable and were reset.");
		return f;
	}
	// Any domain of the user's own is a valid filter; values are compared case-insensitively.
	f.domain = domainOf(raw.domain);
	f.difficulty = difficultyOf(raw.difficulty);
	if (raw.source === "shipped" || raw.source === "personal" || raw.source === "both") f.source = raw.source;
	if (typeof raw.skipPractisedDays === "number" && Number.isFinite(raw.skipPractisedDays) && raw.skipPractisedDays >= 0) f.skipPractisedDays = Math.floor(raw.skipPractisedDays);
	if (typeof raw.twist === "boolean") f.twist = raw.twist;
	return f;
}

export const DATA_SCHEMA = 1;

export interface PluginData {
	schema: number;
	settings: Settings;
	install: InstallRecord;
	/** One-time UI state: whether the welcome offer was answered. */
	welcomeDone: boolean;
	/** One-time UI state: whether notes with an old `type:` and no `mlsd/` tag were offered the tag (after the update to tags). */
	tagOfferDone: boolean;
	/** A running mock interview, so it survives closing the note or reloading; owned by src/core/mockTimer.ts. */
	timer: unknown;
}

export interface LoadedData {
	data: PluginData;
	/** Human-readable reasons why some or all of the file was not used. */
	warnings: string[];
	/** The file comes from a newer version: use defaults but never write over it. */
	readOnly?: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function readSettings(raw: unknown, warnings: string[]): Settings {
	const settings: Settings = { ...DEFAULT_SETTINGS, promptFilters: { ...DEFAULT_FILTERS }, targetDomains: [], anchors: [] };
	if (raw === undefined) return settings;
	if (!isObject(raw)) {
		warnings.push("Settings were not readable and were reset to defaults.");
		return settings;
	}
	settings.promptFilters = readFilters(raw.promptFilters, warnings);
	readPlanSettings(raw, settings, warnings);
	for (const [key, [lo, hi]] of Object.entries(NUMBER_RANGES) as [keyof typeof NUMBER_RANGES, [number, number]][]) {
		const v = raw[key];
		if (v === undefined) continue;
		if (typeof v === "number" && Number.isFinite(v) && v >= lo && v <= hi) settings[key] = Math.round(v);
		else warnings.push(`Setting "${key}" must be a number from ${lo} to ${hi}; it was reset to ${DEFAULT_SETTINGS[key]}.`);
	}
	for (const key of FOLDER_KEYS) {
		const v = raw[key];
		if (v === undefined) continue;
		if (typeof v === "string" && v.trim() !== "") settings[key] = v.trim();
		else warnings.push(`Setting "${key}" had an invalid value and was reset to "${DEFAULT_SETTINGS[key]}".`);
	}
	return settings;
}

function readRecord(raw: unknown, warnings: string[]): InstallRecord {
	if (raw === undefined) return { ...EMPTY_RECORD, files: {}, declined: {} };
	if (!isObject(raw) || typeof raw.folder !== "string" || !isObject(raw.files)) {
		warnings.push("The record of installed notes was not readable; the next install treats existing notes as yours and does not overwrite them.");
		return { ...EMPTY_RECORD, files: {}, declined: {} };
	}
	const strings = (o: unknown): Record<string, string> => {
		const out: Record<string, string> = {};
		if (isObject(o)) for (const [k, v] of Object.entries(o)) if (typeof v === "string") out[k] = v;
		return out;
	};
	return { folder: raw.folder, templateVersion: typeof raw.templateVersion === "string" ? raw.templateVersion : "", files: strings(raw.files), declined: strings(raw.declined) };
}

/**
 * Turns whatever `loadData()` returned into a valid PluginData. Older shapes
 * (settings stored at the top level) are migrated; anything unreadable falls
 * back to defaults with a warning. Never throws.
 */
export function migrateData(raw: unknown): LoadedData {
	const warnings: string[] = [];
	if (raw === null || raw === undefined) return { data: defaultData(), warnings };
	if (!isObject(raw)) {
		warnings.push("The plugin's data file was not readable; defaults are in use.");
		return { data: defaultData(), warnings };
	}
	if (raw.schema === undefined) {
		// Shape 0: settings at the top level, no install record.
		const settings = readSettings(raw, warnings);
		return { data: { ...defaultData(), settings, install: readRecord(raw.install, warnings) }, warnings };
	}
	if (typeof raw.schema !== "number" || raw.schema > DATA_SCHEMA) {
		warnings.push("The plugin's data file comes from a newer version of the plugin. It is left untouched, and nothing is installed or saved until you update the plugin.");
		return { data: defaultData(), warnings, readOnly: true };
	}
	return {
		data: {
			schema: DATA_SCHEMA,
			settings: readSettings(raw.settings, warnings),
			install: readRecord(raw.install, warnings),
			welcomeDone: raw.welcomeDone === true,
			tagOfferDone: raw.tagOfferDone === true,
			timer: raw.timer ?? null,
		},
		warnings,
	};
}

/** The interview plan the schedule and "Today's plan" use. */
export function interviewPlanOf(settings: Settings): { interviewDate: string | null; targetDomains: string[]; anchors: string[] } {
	return { interviewDate: settings.interviewDate, targetDomains: [...settings.targetDomains], anchors: [...settings.anchors] };
}

/** Where the shipped notes are: the folder they were installed into, else the one in the settings (not installed yet). */
export function installedFolder(data: PluginData): string {
	return data.install.folder || data.settings.installFolder;
}

export function defaultData(): PluginData {
	return {
		schema: DATA_SCHEMA,
		settings: { ...DEFAULT_SETTINGS, promptFilters: { ...DEFAULT_FILTERS }, targetDomains: [], anchors: [] },
		install: { ...EMPTY_RECORD, files: {}, declined: {} },
		welcomeDone: false,
		tagOfferDone: false,
		timer: null,
	};
}
