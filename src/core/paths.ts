/** Path helpers that behave the same in Obsidian, the CLI and tests. */

/** Same rules as Obsidian's normalizePath: forward slashes, no duplicate or edge slashes, NFC. */
export function normalizeVaultPath(path: string): string {
	let p = path.replace(/[\\/]+/g, "/").replace(/\u00A0|\u202F/g, " ");
	p = p.replace(/^\/+|\/+$/g, "");
	p = p.normalize("NFC");
	return p === "" ? "/" : p;
}

export function joinPath(...parts: string[]): string {
	return normalizeVaultPath(parts.filter((p) => p !== "" && p !== "/").join("/"));
}

export function dirname(path: string): string {
	const i = path.lastIndexOf("/");
	return i < 0 ? "" : path.slice(0, i);
}

export function basename(path: string): string {
	return path.slice(path.lastIndexOf("/") + 1);
}

/** File name without folder and without the `.md` extension: the name wikilinks use. */
export function noteName(path: string): string {
	if (path.endsWith(".md")) return path.slice(path.lastIndexOf("/") + 1, -3);
	return basename(path).replace(/\.md$/i, "");
}

/** Windows device names, also with an extension ("CON.md") or a superscript digit ("COM¹"). */
const RESERVED = /^(con|prn|aux|nul|com[\d¹²³]|lpt[\d¹²³]|conin\$|conout\$)(\.|$)/i;
const INVALID_NAME_CHARS = /[\\/:*?"<>|#^[\]]/;
export const MAX_NAME_LENGTH = 100;

/** Why a file or folder name would break on some OS or inside Obsidian links; null when valid. */
export function fileNameProblem(name: string): string | null {
	if (name.length === 0) return "the name is empty";
	const bad = INVALID_NAME_CHARS.exec(name);
	if (bad) return `the name contains "${bad[0]}", which is not allowed on every system or breaks links`;
	if ([...name].length > MAX_NAME_LENGTH) return `the name is longer than ${MAX_NAME_LENGTH} characters`;
	if (/[. ]$/.test(name)) return "the name ends with a dot or a space, which Windows drops";
	if (RESERVED.test(name)) return "the name is reserved on Windows";
	// eslint-disable-next-line no-control-regex -- control characters are exactly what this rejects
	if (/[\u0000-\u001f]/.test(name)) return "the name contains a control character";
	return null;
}

/** Turns any title into a note name valid on every OS (without extension). */
export function sanitizeNoteName(title: string, fallback = "Untitled"): string {
	let name = title
		.replace(/[\\/:*?"<>|#^[\]]/g, " ")
		// eslint-disable-next-line no-control-regex -- control characters are exactly what this rejects
		.replace(/[\u0000-\u001f]/g, " ")
		.replace(/\s+/g, " ")
		.trim();
	name = [...name].slice(0, MAX_NAME_LENGTH).join("").replace(/[. ]+$/g, "").trim();
	if (RESERVED.test(name)) name = [...name.replace(/^[^.]*/, (stem) => `${stem} note`)].slice(0, MAX_NAME_LENGTH).join("").replace(/[. ]+$/g, "");
	return name === "" ? fallback : name;
}

/** `name.md`, `name 2.md`, `name 3.md`... the first that `taken` does not hold. */
export function uniqueNotePath(folder: string, name: string, taken: (path: string) => boolean): string {
	const safe = sanitizeNoteName(name);
	for (let i = 1; ; i++) {
		const candidate = joinPath(folder, i === 1 ? `${safe}.md` : `${safe} ${i}.md`);
		if (!taken(candidate)) return candidate;
	}
}

/** Why a path must be refused before anything is normalised away: absolute, control characters, `..`. */
function rawPathProblem(raw: string): string | null {
	// eslint-disable-next-line no-control-regex -- NUL and control characters are exactly what this rejects
	if (/[\u0000-\u001f]/.test(raw)) return "contains a control character";
	if (/^([a-z]:|[\\/]|~)/i.test(raw)) return "is an absolute path";
	if (raw.split(/[\\/]/).some((s) => s.trim() === ".." || s === ".")) return "points outside the vault";
	return null;
}

/**
 * The one path policy for everything the plugin and `mlsd` write or read by
 * name (folder settings, shipped note paths, the config folder): a path
 * relative to the vault, inside it, outside the config folder and hidden
 * folders, with every segment a name valid on Windows, macOS, Linux, iOS and
 * Android (no reserved names such as CON or NUL, no trailing dot or space).
 * Returns the normalised path, or an error that names the offending value.
 */
export function checkVaultPath(raw: unknown, configDir: string, label = "The path"): { path: string } | { error: string } {
	if (typeof raw !== "string") return { error: `${label} must be text, not ${raw === null ? "null" : Array.isArray(raw) ? "a list" : typeof raw}.` };
	const shown = JSON.stringify(raw.length > 80 ? `${raw.slice(0, 80)}…` : raw);
	if (raw.trim() === "") return { error: `${label} is empty. Enter a folder inside the vault, such as "ML System Design".` };
	const raw1 = rawPathProblem(raw);
	if (raw1 === "is an absolute path") return { error: `${label} ${shown} is an absolute path. Enter a folder relative to the vault.` };
	if (raw1 === "points outside the vault") return { error: `${label} ${shown} points outside the vault. Use a folder inside it.` };
	if (raw1) return { error: `${label} ${shown} ${raw1}.` };
	const path = normalizeVaultPath(raw);
	if (path === "/") return { error: `${label} ${shown} is the vault's root. Enter a folder inside the vault.` };
	const segments = path.split("/");
	const config = normalizeVaultPath(configDir);
	if (segments[0] === config || segments.some((s) => s.startsWith("."))) {
		return { error: `${label} ${shown} is inside a hidden or configuration folder, which Obsidian does not show. Choose a visible folder.` };
	}
	for (const s of segments) {
		const problem = fileNameProblem(s);
		if (problem) return { error: `${label} ${shown}: in "${s}", ${problem}.` };
	}
	return { path };
}

/**
 * Checks a folder setting (typed in the settings tab, read from data.json,
 * or given to `mlsd`). Returns the normalised folder, or an error message
 * when it would escape the vault or land in the config folder.
 */
export function validateFolderSetting(raw: unknown, configDir: string, label = "The folder"): { folder: string } | { error: string } {
	const r = checkVaultPath(typeof raw === "string" ? raw.trim() : raw, configDir, label);
	return "error" in r ? r : { folder: r.path };
}

/** Checks the name of the vault's config folder (`--config-dir`): one visible-to-the-OS segment inside the vault. */
export function validateConfigDir(raw: unknown): { dir: string } | { error: string } {
	if (typeof raw !== "string" || raw === "") return { error: "The config folder must be the name of a folder directly inside the vault." };
	const shown = JSON.stringify(raw);
	const p = rawPathProblem(raw);
	if (p) return { error: `The config folder ${shown} ${p}. It must be one folder directly inside the vault.` };
	if (/[\\/]/.test(raw.replace(/[\\/]+$/, ""))) return { error: `The config folder ${shown} must be one folder directly inside the vault.` };
	const name = raw.replace(/[\\/]+$/, "");
	const problem = fileNameProblem(name);
	if (problem) return { error: `The config folder ${shown}: ${problem}.` };
	return { dir: name };
}
