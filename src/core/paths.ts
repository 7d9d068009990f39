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
	return basename(path).replace(/\.md$/i, "");
}

const INVALID_NAME_CHARS = /[\\/:*?"<>|#^[\]]/;
export const MAX_NAME_LENGTH = 100;

/** Why a file or folder name would break on some OS or inside Obsidian links; null when valid. */
export function fileNameProblem(name: string): string | null {
	if (name.length === 0) return "the name is empty";
	const bad = INVALID_NAME_CHARS.exec(name);
	if (bad) return `the name contains "${bad[0]}", which is not allowed on every system or breaks links`;
	if ([...name].length > MAX_NAME_LENGTH) return `the name is longer than ${MAX_NAME_LENGTH} characters`;
	if (/[. ]$/.test(name)) return "the name ends with a dot or a space, which Windows drops";
	if (/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(name)) return "the name is reserved on Windows";
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
	if (/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(name)) name = `${name} note`;
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

/**
 * Checks a folder setting. Returns the normalised folder, or an error message
 * when it would escape the vault or land in the config folder.
 */
export function validateFolderSetting(raw: string, configDir: string): { folder: string } | { error: string } {
	const trimmed = raw.trim();
	if (trimmed === "") return { error: "The folder name is empty. Enter a folder inside the vault, such as \"ML System Design\"." };
	if (/^([a-z]:|\/|\\|~)/i.test(trimmed)) return { error: `"${trimmed}" is an absolute path. Enter a folder relative to the vault.` };
	const folder = normalizeVaultPath(trimmed);
	const segments = folder.split("/");
	if (segments.some((s) => s === ".." || s === ".")) return { error: `"${trimmed}" points outside the vault. Use a folder inside it.` };
	const config = normalizeVaultPath(configDir);
	if (segments[0] === config || segments[0]?.startsWith(".")) return { error: `"${trimmed}" is inside a hidden or configuration folder, which Obsidian does not show. Choose a visible folder.` };
	for (const s of segments) {
		const problem = fileNameProblem(s);
		if (problem) return { error: `Folder "${s}": ${problem}.` };
	}
	return { folder };
}
