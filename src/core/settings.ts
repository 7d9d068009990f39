/**
 * Plugin settings and the shape of the plugin's data file, with validation
 * and migration from older shapes. The same file is written by `mlsd install`,
 * so a vault set up from the command line updates correctly in Obsidian.
 */
import { EMPTY_RECORD, type InstallRecord } from "./install";
import { DEFAULT_FILTERS, type PromptFilters } from "./prompt";
import { checkVaultPath, validateFolderSetting } from "./paths";
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
	/** How many never-graded flashcards a review session may introduce per day. */
	newCardsPerDay: number;
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
	newCardsPerDay: 20,
	interviewDate: null,
	targetDomains: [],
	anchors: [],
	twistMinute: 25,
	autoAdvance: false,
	soundCue: false,
	followUps: true,
};

/** Allowed ranges of the numeric settings (validated on load and in the settings tab). */
export const NUMBER_RANGES: Record<"mockMinutes" | "newCasesPerDay" | "newCardsPerDay" | "twistMinute", [number, number]> = { mockMinutes: [10, 180], newCasesPerDay: [0, 20], newCardsPerDay: [0, 200], twistMinute: [0, 180] };

export type NumberSettingKey = keyof typeof NUMBER_RANGES;

/**
 * Checks a number typed in the settings tab (text in the imperative tab, a
 * number from Obsidian 1.13's number control): a whole number in the
 * setting's range. Both tabs show the same message for the same value.
 */
export function checkNumberSetting(key: NumberSettingKey, raw: unknown): { value: number } | { error: string } {
	const [min, max] = NUMBER_RANGES[key];
	const n = typeof raw === "number" ? raw : typeof raw === "string" && raw.trim() !== "" ? Number(raw) : Number.NaN;
	if (!Number.isInteger(n) || n < min || n > max) return { error: `Enter a whole number from ${min} to ${max}.` };
	return { value: n };
}

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

export const FOLDER_KEYS = ["installFolder", "practiceFolder", "personalFolder"] as const;
export type FolderKey = (typeof FOLDER_KEYS)[number];

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
	/** The template version the "notes changed" offer was last shown for, so it is shown once per version. */
	updateOffered?: string;
}

export interface LoadedData {
	data: PluginData;
	/** Human-readable reasons why some or all of the file was not used. */
	warnings: string[];
	/** The file comes from a newer version: use defaults but never write over it. */
	readOnly?: boolean;
	/**
	 * The install record was there but could not be used (unreadable file, torn
	 * JSON, a list instead of an object, a damaged record). Install must then
	 * rebuild from the notes' content and never treat the vault as fresh.
	 */
	recordLost?: boolean;
	/** Folder settings refused by the path policy, with the value found (the default is used instead). */
	rejected?: Partial<Record<FolderKey, string>>;
}

/** Options for reading the data file: the vault's config folder (for the path policy) and whether the file was unreadable. */
export interface MigrateOptions {
	/** The vault's config folder (Vault#configDir; for mlsd, --config-dir). */
	configDir: string;
	/** data.json existed but its text was not valid JSON (torn, empty, binary). */
	unreadable?: boolean;
}

/**
 * Parses the text of data.json. A UTF-8 byte-order mark (added by some
 * editors) is ignored; anything that is not JSON is reported, never thrown.
 */
export function parseDataText(text: string): { raw: unknown } | { error: string } {
	const body = text.replace(/^\uFEFF/, "");
	if (body.trim() === "") return { error: "the file is empty" };
	try {
		return { raw: JSON.parse(body) as unknown };
	} catch (e) {
		return { error: e instanceof Error ? e.message : String(e) };
	}
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function readSettings(raw: unknown, warnings: string[], configDir: string, rejected: Partial<Record<FolderKey, string>>): Settings {
	const settings: Settings = { ...DEFAULT_SETTINGS, promptFilters: { ...DEFAULT_FILTERS }, targetDomains: [], anchors: [] };
	if (raw === undefined) return settings;
	if (!isObject(raw)) {
		warnings.push("Settings were not readable and were reset to defaults.");
		return settings;
	}
	// Keys written by a newer version of the plugin ride along untouched, so saving never drops them.
	const known = new Set<string>([...Object.keys(DEFAULT_SETTINGS), "schema", "install", "welcomeDone", "timer", "updateOffered"]);
	for (const [k, v] of Object.entries(raw)) if (!known.has(k) && k !== "__proto__") (settings as unknown as Record<string, unknown>)[k] = v;
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
		const checked = validateFolderSetting(v, configDir, `Setting "${key}"`);
		if ("folder" in checked) settings[key] = checked.folder;
		else {
			rejected[key] = typeof v === "string" ? v : JSON.stringify(v) ?? "undefined";
			warnings.push(`${checked.error} It was reset to "${DEFAULT_SETTINGS[key]}".`);
		}
	}
	return settings;
}

const LOST_RECORD = "The record of installed notes was not readable. The next install rebuilds it from the notes' content, keeps every note it cannot recognise as yours, and asks before recreating missing notes.";

function readRecord(raw: unknown, warnings: string[], configDir: string, lost: { value: boolean }): InstallRecord {
	if (raw === undefined) return { ...EMPTY_RECORD, files: {}, declined: {} };
	const folderOk = isObject(raw) && typeof raw.folder === "string" && (raw.folder === "" || "folder" in validateFolderSetting(raw.folder, configDir));
	if (!isObject(raw) || !folderOk || !isObject(raw.files)) {
		warnings.push(LOST_RECORD);
		lost.value = true;
		return { ...EMPTY_RECORD, files: {}, declined: {} };
	}
	let dropped = 0;
	const strings = (o: unknown): Record<string, string> => {
		const out: Record<string, string> = {};
		if (isObject(o)) {
			for (const [k, v] of Object.entries(o)) {
				if (typeof v === "string" && /^[0-9a-z]{1,64}$/i.test(v) && "path" in checkVaultPath(k, configDir)) out[k] = v;
				else dropped++;
			}
		}
		return out;
	};
	const record: InstallRecord = { folder: raw.folder as string, templateVersion: typeof raw.templateVersion === "string" ? raw.templateVersion : "", files: strings(raw.files), declined: strings(raw.declined) };
	if (typeof raw.inProgress === "string") record.inProgress = raw.inProgress;
	const paths = (o: unknown): string[] | undefined => (Array.isArray(o) ? o.filter((v): v is string => typeof v === "string" && "path" in checkVaultPath(v, configDir)) : undefined);
	const writing = paths(raw.writing);
	if (writing && record.inProgress !== undefined) record.writing = writing;
	const interrupted = paths(raw.interrupted);
	if (interrupted && interrupted.length > 0) record.interrupted = interrupted;
	if (dropped > 0) {
		warnings.push(`${dropped} entr${dropped === 1 ? "y" : "ies"} of the record of installed notes could not be read and ${dropped === 1 ? "was" : "were"} left out.`);
		lost.value = true;
	}
	return record;
}

/**
 * Turns whatever `loadData()` returned into a valid PluginData. Older shapes
 * (settings stored at the top level) are migrated; anything unreadable falls
 * back to defaults with a warning. Never throws.
 */
export function migrateData(raw: unknown, options: MigrateOptions): LoadedData {
	const configDir = options.configDir;
	const warnings: string[] = [];
	const rejected: Partial<Record<FolderKey, string>> = {};
	const lost = { value: options.unreadable === true };
	if (options.unreadable) warnings.push(LOST_RECORD);
	if (raw === null || raw === undefined) return { data: defaultData(), warnings, ...(lost.value ? { recordLost: true } : {}) };
	if (!isObject(raw)) {
		warnings.push(`The plugin's data file holds ${Array.isArray(raw) ? "a list" : `a ${typeof raw}`} instead of settings; defaults are in use.`);
		if (!options.unreadable) warnings.push(LOST_RECORD);
		return { data: defaultData(), warnings, recordLost: true };
	}
	if (raw.schema === undefined) {
		// Shape 0: settings at the top level, no install record.
		const settings = readSettings(raw, warnings, configDir, rejected);
		const install = readRecord(raw.install, warnings, configDir, lost);
		return finish({ ...defaultData(), settings, install }, warnings, rejected, lost.value);
	}
	if (typeof raw.schema !== "number" || raw.schema > DATA_SCHEMA) {
		warnings.push("The plugin's data file comes from a newer version of the plugin. It is left untouched, and nothing is installed or saved until you update the plugin.");
		return { data: defaultData(), warnings, readOnly: true };
	}
	const data: PluginData = {
		schema: DATA_SCHEMA,
		settings: readSettings(raw.settings, warnings, configDir, rejected),
		install: readRecord(raw.install, warnings, configDir, lost),
		welcomeDone: raw.welcomeDone === true,
		tagOfferDone: raw.tagOfferDone === true,
		timer: raw.timer ?? null,
		...(typeof raw.updateOffered === "string" ? { updateOffered: raw.updateOffered } : {}),
	};
	// Top-level keys from a newer version are kept as they are.
	for (const [k, v] of Object.entries(raw)) if (!(k in data) && k !== "__proto__") (data as unknown as Record<string, unknown>)[k] = v;
	return finish(data, warnings, rejected, lost.value);
}

function finish(data: PluginData, warnings: string[], rejected: Partial<Record<FolderKey, string>>, lost: boolean): LoadedData {
	const out: LoadedData = { data, warnings };
	if (Object.keys(rejected).length > 0) out.rejected = rejected;
	if (lost) out.recordLost = true;
	return out;
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
