/**
 * A stand-in for the Obsidian API, for tests (jest maps "obsidian" here) and
 * for the browser test (bundled, then handed to main.js as require("obsidian")).
 * It is small but true to the documented behaviour of the parts we use:
 * vault.create throws on an existing path, metadata is computed after a
 * change and announced with "changed" then "resolved", commands are
 * namespaced by plugin id, and so on. Stand-in extras (for tests) are marked.
 */
import { parse as yamlParse, stringify as yamlStringify } from "yaml";
import { installDomHelpers } from "./dom";

installDomHelpers(globalThis as never);

// ---------------------------------------------------------------- utilities

export function normalizePath(path: string): string {
	let p = path.replace(/[\\/]+/g, "/").replace(/\u00A0|\u202F/g, " ");
	p = p.replace(/^\/+|\/+$/g, "");
	p = p.normalize("NFC");
	return p === "" ? "/" : p;
}

export const Platform = {
	isDesktop: true, isMobile: false, isDesktopApp: true, isMobileApp: false,
	isIosApp: false, isAndroidApp: false, isPhone: false, isTablet: false,
	isMacOS: false, isWin: false, isLinux: true, isSafari: false,
};

export function parseYaml(text: string): unknown {
	return (yamlParse(text) as unknown) ?? null;
}

export function stringifyYaml(obj: unknown): string {
	return yamlStringify(obj, { lineWidth: 0 });
}

export function setIcon(parent: HTMLElement, iconId: string): void {
	parent.empty();
	parent.createSvg?.("svg");
	parent.setAttribute("data-icon", iconId);
}

export function getFrontMatterInfo(content: string): { exists: boolean; frontmatter: string; from: number; to: number; contentStart: number } {
	// As in Obsidian: the block opens with a "---" line and closes at the next line that is only "---" (trailing spaces allowed).
	const m = /^---[ \t]*(\r?\n)(?:([\s\S]*?)\r?\n)?---[ \t]*(\r?\n|$)/.exec(content);
	if (!m) return { exists: false, frontmatter: "", from: 0, to: 0, contentStart: 0 };
	const from = content.indexOf(m[1]!) + m[1]!.length;
	const frontmatter = m[2] === undefined ? "" : `${m[2]}\n`;
	return { exists: true, frontmatter, from, to: from + (m[2]?.length ?? 0) + (m[2] === undefined ? 0 : 1), contentStart: m[0].length };
}

/** The API version the stand-in plays. Stand-in extra: tests lower it with setApiVersion to play an older Obsidian. */
export let apiVersion = "1.13.1";
export function setApiVersion(version: string): void {
	apiVersion = version;
}

/** True when the running API is at least `version` (numeric, part by part). */
export function requireApiVersion(version: string): boolean {
	const have = apiVersion.split(".").map(Number);
	const want = version.split(".").map(Number);
	for (let i = 0; i < Math.max(have.length, want.length); i++) {
		const a = have[i] ?? 0;
		const b = want[i] ?? 0;
		if (a !== b) return a > b;
	}
	return true;
}

export async function requestUrl(): Promise<never> {
	throw new Error("The stand-in has no network.");
}

export function debounce<T extends unknown[]>(fn: (...a: T) => unknown, wait = 0): ((...a: T) => void) & { cancel(): void } {
	let t: ReturnType<typeof setTimeout> | undefined;
	const d = (...a: T): void => {
		if (t) clearTimeout(t);
		t = setTimeout(() => fn(...a), wait);
	};
	d.cancel = () => t && clearTimeout(t);
	return d;
}

// ---------------------------------------------------------------- events

export interface EventRef {
	e: Events;
	name: string;
	fn: (...data: unknown[]) => unknown;
	ctx?: unknown;
}

export class Events {
	private handlers = new Map<string, EventRef[]>();
	on(name: string, callback: (...data: never[]) => unknown, ctx?: unknown): EventRef {
		const ref: EventRef = { e: this, name, fn: callback as (...d: unknown[]) => unknown, ctx };
		this.handlers.set(name, [...(this.handlers.get(name) ?? []), ref]);
		return ref;
	}
	off(name: string, callback: (...data: never[]) => unknown): void {
		this.handlers.set(name, (this.handlers.get(name) ?? []).filter((r) => r.fn !== callback));
	}
	offref(ref: EventRef): void {
		this.handlers.set(ref.name, (this.handlers.get(ref.name) ?? []).filter((r) => r !== ref));
	}
	trigger(name: string, ...data: unknown[]): void {
		for (const ref of [...(this.handlers.get(name) ?? [])]) this.tryTrigger(ref, data);
	}
	tryTrigger(ref: EventRef, data: unknown[]): void {
		try {
			ref.fn.apply(ref.ctx, data);
		} catch (e) {
			console.error(e);
		}
	}
	/** Stand-in extra: how many handlers are registered for an event. */
	listenerCount(name: string): number {
		return this.handlers.get(name)?.length ?? 0;
	}
}

// ---------------------------------------------------------------- component

export class Component {
	private loaded = false;
	private cleanups: (() => unknown)[] = [];
	private children: Component[] = [];
	/** Stand-in extra: settles when an async onload() has finished. */
	loading: Promise<void> = Promise.resolve();
	load(): void {
		if (this.loaded) return;
		this.loaded = true;
		this.loading = Promise.resolve(this.onload());
		for (const c of this.children) c.load();
	}
	onload(): void | Promise<void> {}
	unload(): void {
		if (!this.loaded) return;
		this.loaded = false;
		for (const c of this.children.splice(0)) c.unload();
		for (const fn of this.cleanups.splice(0).reverse()) fn();
		this.onunload();
	}
	onunload(): void {}
	addChild<T extends Component>(c: T): T {
		this.children.push(c);
		if (this.loaded) c.load();
		return c;
	}
	removeChild<T extends Component>(c: T): T {
		this.children = this.children.filter((x) => x !== c);
		c.unload();
		return c;
	}
	register(cb: () => unknown): void {
		this.cleanups.push(cb);
	}
	registerEvent(ref: EventRef): void {
		this.register(() => ref.e.offref(ref));
	}
	registerDomEvent(el: EventTarget, type: string, cb: (e: Event) => unknown, options?: boolean | AddEventListenerOptions): void {
		el.addEventListener(type, cb, options);
		this.register(() => el.removeEventListener(type, cb, options));
	}
	registerInterval(id: number): number {
		this.register(() => window.clearInterval(id));
		return id;
	}
}

// ---------------------------------------------------------------- files

export abstract class TAbstractFile {
	vault!: Vault;
	path = "";
	name = "";
	parent: TFolder | null = null;
}

export class TFile extends TAbstractFile {
	basename = "";
	extension = "";
	stat = { ctime: 0, mtime: 0, size: 0 };
}

export class TFolder extends TAbstractFile {
	children: TAbstractFile[] = [];
	isRoot(): boolean {
		return this.path === "/";
	}
}

function setPath(f: TAbstractFile, path: string): void {
	f.path = path;
	f.name = path === "/" ? "" : path.slice(path.lastIndexOf("/") + 1);
	if (f instanceof TFile) {
		const dot = f.name.lastIndexOf(".");
		f.basename = dot > 0 ? f.name.slice(0, dot) : f.name;
		f.extension = dot > 0 ? f.name.slice(dot + 1) : "";
	}
}

/** Stand-in extra: lets tests make the next writes fail (disk full, permissions). */
export type WriteFault = (op: "create" | "modify" | "createFolder", path: string) => Error | null;

export class Vault extends Events {
	configDir = ".obsidian";
	private files = new Map<string, TAbstractFile>();
	private contents = new Map<string, string>();
	private root: TFolder;
	/** Stand-in extra. */
	fault: WriteFault | null = null;
	/** Stand-in extra: number of reads, to prove code reads the cache instead. */
	readCount = 0;
	private clock = 1_700_000_000_000;
	readonly adapter = {
		exists: async (p: string) => this.files.has(normalizePath(p)) || this.hidden.has(normalizePath(p)),
		read: async (p: string) => {
			const v = this.hidden.get(normalizePath(p)) ?? this.contents.get(normalizePath(p));
			if (v === undefined) throw new Error(`ENOENT: ${p}`);
			return v;
		},
		write: async (p: string, data: string) => {
			const err = this.adapterFault?.("write", normalizePath(p));
			if (err) throw err;
			this.hidden.set(normalizePath(p), data);
		},
		remove: async (p: string) => {
			if (!this.hidden.delete(normalizePath(p))) throw new Error(`ENOENT: ${p}`);
		},
	};
	/** Stand-in extra: makes adapter writes fail (a read-only or full config folder). */
	adapterFault: ((op: "write", path: string) => Error | null) | null = null;
	/**
	 * Stand-in extra: an interrupted write. When it returns text for a write,
	 * the file is left holding that text (a cut-off write) and the write throws.
	 */
	tear: ((op: "create" | "modify", path: string, data: string) => string | null) | null = null;
	/** Files outside the vault index (config folder), as the adapter sees them. */
	private hidden = new Map<string, string>();
	/** Lower-case file name → files with that name, for link resolution (Obsidian keeps a similar index). */
	private byName = new Map<string, Set<TFile>>();
	private indexName(f: TAbstractFile, add: boolean): void {
		if (!(f instanceof TFile)) return;
		const key = f.name.toLowerCase();
		let set = this.byName.get(key);
		if (add) {
			if (!set) this.byName.set(key, (set = new Set()));
			set.add(f);
		} else set?.delete(f);
	}
	/** Stand-in extra: files with this file name (case-insensitive). */
	filesNamed(name: string): TFile[] {
		return [...(this.byName.get(name.toLowerCase()) ?? [])];
	}

	constructor() {
		super();
		this.root = new TFolder();
		this.root.vault = this;
		setPath(this.root, "/");
		this.files.set("/", this.root);
	}

	getName(): string {
		return "Stand-in vault";
	}
	getRoot(): TFolder {
		return this.root;
	}
	getAbstractFileByPath(path: string): TAbstractFile | null {
		return this.files.get(normalizePath(path)) ?? null;
	}
	getFileByPath(path: string): TFile | null {
		const f = this.files.get(normalizePath(path));
		return f instanceof TFile ? f : null;
	}
	getFolderByPath(path: string): TFolder | null {
		const f = this.files.get(normalizePath(path));
		return f instanceof TFolder ? f : null;
	}
	getFiles(): TFile[] {
		return [...this.files.values()].filter((f): f is TFile => f instanceof TFile);
	}
	getMarkdownFiles(): TFile[] {
		// One pass over the file index, as Obsidian does.
		const out: TFile[] = [];
		for (const f of this.files.values()) if (f instanceof TFile && f.extension === "md") out.push(f);
		return out;
	}
	getAllLoadedFiles(): TAbstractFile[] {
		return [...this.files.values()];
	}

	private parentOf(path: string): TFolder {
		const i = path.lastIndexOf("/");
		const parentPath = i < 0 ? "/" : path.slice(0, i);
		const parent = this.files.get(parentPath);
		if (!(parent instanceof TFolder)) throw new Error(`Parent folder does not exist: ${parentPath}`);
		return parent;
	}

	private checkFault(op: "create" | "modify" | "createFolder", path: string): void {
		const err = this.fault?.(op, path);
		if (err) throw err;
	}

	async create(path: string, data: string): Promise<TFile> {
		path = normalizePath(path);
		if (this.files.has(path)) throw new Error("File already exists.");
		this.checkFault("create", path);
		const parent = this.parentOf(path);
		const torn = this.tear?.("create", path, data);
		if (typeof torn === "string") data = torn;
		const file = new TFile();
		file.vault = this;
		setPath(file, path);
		file.parent = parent;
		file.stat = { ctime: ++this.clock, mtime: this.clock, size: data.length };
		parent.children.push(file);
		this.files.set(path, file);
		this.contents.set(path, data);
		this.indexName(file, true);
		this.trigger("create", file);
		if (typeof torn === "string") throw new Error(`ENOSPC: no space left on device, write '${path}'`);
		return file;
	}

	async createFolder(path: string): Promise<TFolder> {
		path = normalizePath(path);
		if (this.files.has(path)) throw new Error("Folder already exists.");
		this.checkFault("createFolder", path);
		// Like Obsidian (the adapter's mkdir is recursive), missing parents are created.
		const parentPath = path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "/";
		if (!this.files.has(parentPath)) await this.createFolder(parentPath);
		const parent = this.parentOf(path);
		const folder = new TFolder();
		folder.vault = this;
		setPath(folder, path);
		folder.parent = parent;
		parent.children.push(folder);
		this.files.set(path, folder);
		this.trigger("create", folder);
		return folder;
	}

	private ensureFile(file: TFile): void {
		if (this.files.get(file.path) !== file) throw new Error(`File does not exist: ${file.path}`);
	}

	async read(file: TFile): Promise<string> {
		this.ensureFile(file);
		this.readCount++;
		return this.contents.get(file.path)!;
	}
	async cachedRead(file: TFile): Promise<string> {
		return this.read(file);
	}
	/** Stand-in only: a file's text without counting a read (an open editor follows the file with it). */
	peek(path: string): string | undefined {
		return this.contents.get(path);
	}
	async modify(file: TFile, data: string): Promise<void> {
		this.ensureFile(file);
		this.checkFault("modify", file.path);
		const torn = this.tear?.("modify", file.path, data);
		if (typeof torn === "string") {
			this.contents.set(file.path, torn);
			file.stat = { ...file.stat, mtime: ++this.clock, size: torn.length };
			this.trigger("modify", file);
			throw new Error(`ENOSPC: no space left on device, write '${file.path}'`);
		}
		this.contents.set(file.path, data);
		file.stat = { ...file.stat, mtime: ++this.clock, size: data.length };
		this.trigger("modify", file);
	}
	async append(file: TFile, data: string): Promise<void> {
		await this.modify(file, (this.contents.get(file.path) ?? "") + data);
	}
	async process(file: TFile, fn: (data: string) => string): Promise<string> {
		this.ensureFile(file);
		const next = fn(this.contents.get(file.path)!);
		await this.modify(file, next);
		return next;
	}
	async delete(file: TAbstractFile): Promise<void> {
		if (file instanceof TFolder) for (const c of [...file.children]) await this.delete(c);
		this.files.delete(file.path);
		this.contents.delete(file.path);
		this.indexName(file, false);
		if (file.parent) file.parent.children = file.parent.children.filter((c) => c !== file);
		this.trigger("delete", file);
	}
	/** Stand-in extra: what was moved to the trash. */
	trashed: string[] = [];
	async trash(file: TAbstractFile): Promise<void> {
		this.trashed.push(file.path);
		await this.delete(file);
	}
	async rename(file: TAbstractFile, newPath: string): Promise<void> {
		newPath = normalizePath(newPath);
		if (this.files.has(newPath)) throw new Error("Destination file already exists!");
		const oldPath = file.path;
		const parent = this.parentOf(newPath);
		const data = this.contents.get(oldPath);
		this.files.delete(oldPath);
		this.contents.delete(oldPath);
		this.indexName(file, false);
		if (file.parent) file.parent.children = file.parent.children.filter((c) => c !== file);
		setPath(file, newPath);
		this.indexName(file, true);
		file.parent = parent;
		parent.children.push(file);
		this.files.set(newPath, file);
		if (data !== undefined) this.contents.set(newPath, data);
		this.trigger("rename", file, oldPath);
		// A folder takes its contents along; each moved item is announced, as in Obsidian.
		if (file instanceof TFolder) for (const child of [...file.children]) this.movedWithParent(child, `${newPath}/${child.name}`);
	}

	private movedWithParent(item: TAbstractFile, newPath: string): void {
		const oldPath = item.path;
		const data = this.contents.get(oldPath);
		this.files.delete(oldPath);
		this.contents.delete(oldPath);
		this.indexName(item, false);
		setPath(item, newPath);
		this.indexName(item, true);
		this.files.set(newPath, item);
		if (data !== undefined) this.contents.set(newPath, data);
		this.trigger("rename", item, oldPath);
		if (item instanceof TFolder) for (const child of [...item.children]) this.movedWithParent(child, `${newPath}/${child.name}`);
	}
}

// ---------------------------------------------------------------- metadata cache

export interface Pos {
	start: { line: number; col: number; offset: number };
	end: { line: number; col: number; offset: number };
}
export interface CachedMetadata {
	frontmatter?: Record<string, unknown>;
	frontmatterPosition?: Pos;
	frontmatterLinks?: { key: string; link: string; original: string; displayText?: string }[];
	headings?: { heading: string; level: number; position: Pos }[];
	links?: { link: string; original: string; displayText?: string; position: Pos }[];
	tags?: { tag: string; position: Pos }[];
	listItems?: { parent: number; task?: string; position: Pos }[];
	sections?: { type: string; position: Pos }[];
}

/**
 * Blanks out comments (`%% ... %%`, `<!-- ... -->`) in a line, keeping columns;
 * `open` is the comment still open from earlier lines. Obsidian indexes
 * nothing inside a comment.
 */
function uncomment(line: string, open: "%%" | "<!--" | null): { visible: string; open: "%%" | "<!--" | null } {
	let out = "";
	let i = 0;
	while (i < line.length) {
		if (open) {
			const close = open === "%%" ? "%%" : "-->";
			const j = line.indexOf(close, i);
			if (j < 0) return { visible: out + " ".repeat(line.length - i), open };
			out += " ".repeat(j + close.length - i);
			i = j + close.length;
			open = null;
			continue;
		}
		const p = line.indexOf("%%", i);
		const h = line.indexOf("<!--", i);
		const next = p < 0 ? h : h < 0 ? p : Math.min(p, h);
		if (next < 0) return { visible: out + line.slice(i), open: null };
		out += line.slice(i, next);
		open = next === p ? "%%" : "<!--";
		const len = open.length;
		out += " ".repeat(len);
		i = next + len;
	}
	return { visible: out, open };
}

/**
 * Computes a CachedMetadata the way Obsidian does, for the parts we use:
 * frontmatter, headings (up to three spaces of indent, closing #s dropped),
 * list items with their parent and task character, wikilinks and tags, each
 * with positions (0-based line, column and offset into the text). Nothing is
 * indexed inside fenced code (a fence closes only with the same character, at
 * least as long) or inside %% and HTML comments.
 */
export function computeMetadata(text: string): CachedMetadata {
	const meta: CachedMetadata = {};
	const lines = text.split("\n");
	const starts: number[] = [];
	for (let i = 0, o = 0; i < lines.length; i++) {
		starts.push(o);
		o += lines[i]!.length + 1;
		lines[i] = lines[i]!.replace(/\r$/, "");
	}
	const at = (line: number, col: number): Pos["start"] => ({ line, col, offset: starts[line]! + col });
	const span = (line: number, c0: number, c1: number): Pos => ({ start: at(line, c0), end: at(line, c1) });
	let first = 0;
	if (lines[0] === "---") {
		const end = lines.indexOf("---", 1);
		if (end > 0) {
			first = end + 1;
			meta.frontmatterPosition = { start: at(0, 0), end: at(end, 3) };
			try {
				const fm = yamlParse(lines.slice(1, end).join("\n")) as unknown;
				// Obsidian drops frontmatter that is not a mapping or fails to parse.
				if (fm && typeof fm === "object" && !Array.isArray(fm)) {
					meta.frontmatter = fm as Record<string, unknown>;
					const fl: NonNullable<CachedMetadata["frontmatterLinks"]> = [];
					for (const [key, value] of Object.entries(fm)) {
						const values = Array.isArray(value) ? value : [value];
						values.forEach((v, i) => {
							if (typeof v !== "string") return;
							const m = /^\[\[([^\]|#]+)(#[^\]|]*)?(?:\|([^\]]*))?\]\]$/.exec(v.trim());
							if (m) fl.push({ key: Array.isArray(value) ? `${key}.${i}` : key, link: m[1]! + (m[2] ?? ""), original: v, displayText: m[3] ?? m[1] });
						});
					}
					if (fl.length) meta.frontmatterLinks = fl;
				}
			} catch {
				/* invalid YAML: no frontmatter, as in Obsidian */
			}
		}
	}
	let fence: { ch: string; len: number } | null = null;
	let comment: "%%" | "<!--" | null = null;
	const headings: NonNullable<CachedMetadata["headings"]> = [];
	const links: NonNullable<CachedMetadata["links"]> = [];
	const tags: NonNullable<CachedMetadata["tags"]> = [];
	const listItems: NonNullable<CachedMetadata["listItems"]> = [];
	// Open list items by indent, for parents; a list ends at a line that is neither an item, indented, nor blank.
	let list: { indent: number; line: number }[] = [];
	let listStart = -1;
	for (let i = first; i < lines.length; i++) {
		const raw = lines[i]!;
		if (!comment) {
			const f = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(raw);
			if (fence) {
				if (f && f[1]![0] === fence.ch && f[1]!.length >= fence.len && f[2]!.trim() === "") fence = null;
				continue;
			}
			if (f && !(f[1]![0] === "`" && f[2]!.includes("`"))) {
				fence = { ch: f[1]![0]!, len: f[1]!.length };
				list = [];
				continue;
			}
		}
		const u = uncomment(raw, comment);
		comment = u.open;
		const line = u.visible;
		const h = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
		if (h && h[2]!.trim() !== "") {
			headings.push({ heading: h[2]!.trim(), level: h[1]!.length, position: span(i, 0, raw.length) });
			list = [];
		}
		const li = h ? null : /^([ \t]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)(?:\[(.)\](?=[ \t]|$))?/.exec(line);
		if (li) {
			const indent = li[1]!.replace(/\t/g, "    ").length;
			if (list.length === 0) listStart = i;
			while (list.length > 0 && list[list.length - 1]!.indent >= indent) list.pop();
			const parent = list.length > 0 ? list[list.length - 1]!.line : -listStart;
			listItems.push({ parent, ...(li[2] !== undefined ? { task: li[2] } : {}), position: span(i, li[1]!.length, raw.length) });
			list.push({ indent, line: i });
		} else if (line.trim() !== "" && !/^[ \t]/.test(line)) list = [];
		const code = line.replace(/`[^`]*`/g, (x) => " ".repeat(x.length));
		for (const m of code.matchAll(/!?\[\[([^\]|]+)(?:\|([^\]]*))?\]\]/g)) {
			const c = m.index ?? 0;
			links.push({ link: m[1]!, original: raw.slice(c, c + m[0].length), displayText: m[2] ?? m[1], position: span(i, c, c + m[0].length) });
		}
		if (!h) {
			for (const m of code.matchAll(/(?:^|\s)(#[\p{L}\p{N}_/-]*[\p{L}_/-][\p{L}\p{N}_/-]*)/gu)) {
				const c = (m.index ?? 0) + m[0].length - m[1]!.length;
				tags.push({ tag: m[1]!, position: span(i, c, c + m[1]!.length) });
			}
		}
	}
	if (headings.length) meta.headings = headings;
	if (links.length) meta.links = links;
	if (tags.length) meta.tags = tags;
	if (listItems.length) meta.listItems = listItems;
	return meta;
}

export class MetadataCache extends Events {
	private cache = new Map<string, CachedMetadata>();
	resolvedLinks: Record<string, Record<string, number>> = {};
	unresolvedLinks: Record<string, Record<string, number>> = {};
	private pending = new Set<string>();

	constructor(private readonly vault: Vault) {
		super();
		vault.on("create", (f: TAbstractFile) => f instanceof TFile && this.schedule(f));
		vault.on("modify", (f: TAbstractFile) => f instanceof TFile && this.schedule(f));
		vault.on("delete", (f: TAbstractFile) => {
			if (!(f instanceof TFile)) return;
			const prev = this.cache.get(f.path);
			this.cache.delete(f.path);
			delete this.resolvedLinks[f.path];
			delete this.unresolvedLinks[f.path];
			this.trigger("deleted", f, prev ?? null);
			this.scheduleFullResolve();
		});
		vault.on("rename", (f: TAbstractFile, oldPath: string) => {
			if (!(f instanceof TFile)) return;
			const c = this.cache.get(oldPath);
			this.cache.delete(oldPath);
			if (c) this.cache.set(f.path, c);
			delete this.resolvedLinks[oldPath];
			delete this.unresolvedLinks[oldPath];
			this.scheduleFullResolve();
		});
	}

	getFileCache(file: TFile): CachedMetadata | null {
		return this.cache.get(file.path) ?? null;
	}
	getCache(path: string): CachedMetadata | null {
		return this.cache.get(normalizePath(path)) ?? null;
	}

	getFirstLinkpathDest(linkpath: string, sourcePath: string): TFile | null {
		const target = linkpath.split("#")[0]!.trim();
		if (target === "") return this.vault.getFileByPath(sourcePath);
		const withExt = /\.[a-z0-9]+$/i.test(target) ? target : `${target}.md`;
		const direct = this.vault.getFileByPath(withExt);
		if (direct) return direct;
		const name = withExt.slice(withExt.lastIndexOf("/") + 1).toLowerCase();
		const candidates = this.vault.filesNamed(name).filter((f) => !target.includes("/") || f.path.toLowerCase().endsWith(withExt.toLowerCase()));
		if (candidates.length === 0) return null;
		const folder = sourcePath.includes("/") ? sourcePath.slice(0, sourcePath.lastIndexOf("/")) : "";
		return candidates.find((c) => c.parent?.path === folder) ?? candidates.sort((a, b) => a.path.length - b.path.length)[0]!;
	}

	fileToLinktext(file: TFile, _sourcePath: string, omitMdExtension = true): string {
		return omitMdExtension && file.extension === "md" ? file.basename : file.name;
	}

	private schedule(file: TFile): void {
		this.pending.add(file.path);
		// Obsidian parses in a worker; "changed" arrives after the write resolves.
		setTimeout(() => void this.flush(), 0);
	}

	private async flush(): Promise<void> {
		const paths = [...this.pending];
		this.pending.clear();
		for (const p of paths) {
			const file = this.vault.getFileByPath(p);
			if (!file) continue;
			const data = await this.vault.cachedRead(file);
			this.vault.readCount--; // the cache's own reads are not the plugin's
			const meta = file.extension === "md" ? computeMetadata(data) : {};
			this.cache.set(p, meta);
			this.trigger("changed", file, data, meta);
		}
		if (paths.length) this.resolveAll(paths);
	}

	private fullResolvePending = false;
	/** Deletes and renames come in bursts (a folder move); resolve once after the burst, as Obsidian does. */
	private scheduleFullResolve(): void {
		if (this.fullResolvePending) return;
		this.fullResolvePending = true;
		setTimeout(() => {
			this.fullResolvePending = false;
			this.resolveAll(null);
		}, 0);
	}

	/**
	 * Re-resolves links: all of them after a delete or rename (null), or only
	 * the changed files' links plus files whose unresolved links may now
	 * resolve — incremental, like Obsidian, so large vaults stay fast.
	 */
	private resolveAll(changed: string[] | null): void {
		let paths: Iterable<string>;
		if (changed === null) {
			this.resolvedLinks = {};
			this.unresolvedLinks = {};
			paths = this.cache.keys();
		} else {
			const names = new Set(changed.map((p) => p.slice(p.lastIndexOf("/") + 1).replace(/\.md$/, "").toLowerCase()));
			const again = new Set(changed);
			for (const [p, u] of Object.entries(this.unresolvedLinks)) {
				if (Object.keys(u).some((l) => names.has(l.slice(l.lastIndexOf("/") + 1).toLowerCase()))) again.add(p);
			}
			paths = again;
		}
		for (const path of paths) {
			const meta = this.cache.get(path);
			if (!meta) continue;
			const r: Record<string, number> = {};
			const u: Record<string, number> = {};
			for (const l of [...(meta.links ?? []), ...(meta.frontmatterLinks ?? [])]) {
				const dest = this.getFirstLinkpathDest(l.link, path);
				if (dest) r[dest.path] = (r[dest.path] ?? 0) + 1;
				else u[l.link.split("#")[0]!] = (u[l.link.split("#")[0]!] ?? 0) + 1;
			}
			this.resolvedLinks[path] = r;
			this.unresolvedLinks[path] = u;
		}
		this.trigger("resolved");
	}

	/**
	 * Stand-in extra: a vault opened again. Obsidian keeps its metadata cache
	 * in IndexedDB and reads it back when the vault opens, so after a start the
	 * cached objects are made in one go, together, not one by one among the
	 * notes' text as the stand-in makes them while notes are created. This
	 * reads every entry back the same way (one structured clone of them all);
	 * what the cache says is unchanged.
	 */
	reloadFromStore(): void {
		const paths = [...this.cache.keys()];
		const entries = structuredClone([...this.cache.values()]);
		this.cache = new Map(paths.map((path, i) => [path, entries[i]!]));
	}

	/** Stand-in extra: resolves once all pending metadata has been computed. */
	async settle(): Promise<void> {
		for (let i = 0; i < 50 && this.pending.size > 0; i++) await new Promise((r) => setTimeout(r, 0));
		await new Promise((r) => setTimeout(r, 0));
	}
}

// ---------------------------------------------------------------- editor and workspace

export interface EditorPosition {
	line: number;
	ch: number;
}

/** A minimal Editor over a string, with a cursor. */
export class Editor {
	private text = "";
	private cursor: EditorPosition = { line: 0, ch: 0 };
	getValue(): string {
		return this.text;
	}
	setValue(v: string): void {
		this.text = v;
	}
	getCursor(): EditorPosition {
		return { ...this.cursor };
	}
	setCursor(pos: EditorPosition | number, ch?: number): void {
		this.cursor = typeof pos === "number" ? { line: pos, ch: ch ?? 0 } : { ...pos };
	}
	getLine(n: number): string {
		return this.text.split("\n")[n] ?? "";
	}
	lineCount(): number {
		return this.text.split("\n").length;
	}
	getSelection(): string {
		return "";
	}
	private offset(p: EditorPosition): number {
		const lines = this.text.split("\n");
		let o = 0;
		for (let i = 0; i < p.line && i < lines.length; i++) o += lines[i]!.length + 1;
		return o + p.ch;
	}
	private position(offset: number): EditorPosition {
		const before = this.text.slice(0, offset).split("\n");
		return { line: before.length - 1, ch: before[before.length - 1]!.length };
	}
	/** Inserts at the cursor; the cursor ends after the insertion. */
	replaceSelection(replacement: string): void {
		const a = this.offset(this.cursor);
		this.replaceRange(replacement, this.cursor);
		this.cursor = this.position(a + replacement.length);
	}
	/** Replaces a range; like CodeMirror, the cursor keeps its place in the text around it. */
	replaceRange(replacement: string, from: EditorPosition, to?: EditorPosition): void {
		const a = this.offset(from);
		const b = to ? this.offset(to) : a;
		const c = this.offset(this.cursor);
		this.text = this.text.slice(0, a) + replacement + this.text.slice(b);
		const mapped = c < a ? c : c >= b && c > a ? c + replacement.length - (b - a) : c === a && b === a ? c : a + replacement.length;
		this.cursor = this.position(mapped);
	}
}

export class View extends Component {
	leaf: WorkspaceLeaf;
	app: App;
	containerEl: HTMLElement;
	icon = "";
	navigation = false;
	constructor(leaf: WorkspaceLeaf) {
		super();
		this.leaf = leaf;
		this.app = leaf.app;
		this.containerEl = createDiv({ cls: "view-content" });
	}
	getViewType(): string {
		return "empty";
	}
	getDisplayText(): string {
		return "";
	}
	getIcon(): string {
		return this.icon;
	}
	getState(): Record<string, unknown> {
		return {};
	}
	async setState(_state: unknown, _result: unknown): Promise<void> {}
	async onOpen(): Promise<void> {}
	async onClose(): Promise<void> {}
}

export class MarkdownView extends View {
	file: TFile | null = null;
	editor = new Editor();
	getViewType(): string {
		return "markdown";
	}
	/** Writes the editor's text to the file (Obsidian saves on a debounce; plugins may save at once). */
	async save(): Promise<void> {
		if (this.file && this.app.vault.getFileByPath(this.file.path) === this.file) await this.app.vault.modify(this.file, this.editor.getValue());
	}
	getDisplayText(): string {
		return this.file?.basename ?? "";
	}
}

export class WorkspaceLeaf extends Events {
	view: View;
	/** Stand-in extra: how the leaf was asked for ("tab", "split", "window"). */
	paneType: string = "tab";
	constructor(readonly app: App) {
		super();
		this.view = new View(this);
	}
	/** Closes the current view (onClose, unload), as Obsidian does before showing another. */
	private async closeView(): Promise<void> {
		const old = this.view;
		if (old instanceof MarkdownView || old.getViewType() === "empty") return;
		await old.onClose();
		old.unload();
	}
	async setViewState(state: { type: string; state?: unknown; active?: boolean }): Promise<void> {
		const creator = this.app.viewRegistry[state.type];
		if (!creator) throw new Error(`No view registered for "${state.type}".`);
		await this.closeView();
		const view = creator(this);
		this.view = view;
		await view.setState(state.state ?? {}, { history: false });
		view.load();
		await view.onOpen();
		if (state.active) this.app.workspace.setActiveLeaf(this);
	}
	async openFile(file: TFile): Promise<void> {
		await this.closeView();
		const view = new MarkdownView(this);
		view.file = file;
		view.editor.setValue(await file.vault.cachedRead(file));
		file.vault.readCount--;
		// As in Obsidian, an open editor follows changes written to its file by others (the stand-in has no unsaved state to guard).
		file.vault.on("modify", (f: TAbstractFile) => {
			const text = f === view.file ? file.vault.peek(f.path) : undefined;
			if (text !== undefined && text !== view.editor.getValue()) view.editor.setValue(text);
		});
		this.view = view;
		this.app.workspace.setActiveLeaf(this);
		this.app.workspace.trigger("file-open", file);
	}
	getViewState(): { type: string } {
		return { type: this.view.getViewType() };
	}
	detach(): void {
		void this.closeView();
		this.view = new View(this);
		this.app.workspace.leaves = this.app.workspace.leaves.filter((l) => l !== this);
		if (this.app.workspace.activeLeaf === this) this.app.workspace.activeLeaf = null;
	}
}

export class Workspace extends Events {
	layoutReady = false;
	leaves: WorkspaceLeaf[] = [];
	activeLeaf: WorkspaceLeaf | null = null;
	containerEl: HTMLElement;
	private readyCallbacks: (() => unknown)[] = [];
	constructor(private readonly app: App) {
		super();
		this.containerEl = createDiv({ cls: "workspace" });
	}
	onLayoutReady(cb: () => unknown): void {
		if (this.layoutReady) setTimeout(cb, 0);
		else this.readyCallbacks.push(cb);
	}
	/** Stand-in extra: what Obsidian does once the layout is restored. */
	markLayoutReady(): void {
		this.layoutReady = true;
		for (const cb of this.readyCallbacks.splice(0)) cb();
		this.trigger("layout-ready");
	}
	getLeaf(newLeaf?: boolean | "tab" | "split" | "window"): WorkspaceLeaf {
		if (!newLeaf && this.activeLeaf) return this.activeLeaf;
		const leaf = new WorkspaceLeaf(this.app);
		if (typeof newLeaf === "string") leaf.paneType = newLeaf;
		this.leaves.push(leaf);
		return leaf;
	}
	async revealLeaf(leaf: WorkspaceLeaf): Promise<void> {
		this.setActiveLeaf(leaf);
	}
	detachLeavesOfType(type: string): void {
		for (const leaf of this.getLeavesOfType(type)) leaf.detach();
	}
	setActiveLeaf(leaf: WorkspaceLeaf): void {
		this.activeLeaf = leaf;
		this.trigger("active-leaf-change", leaf);
	}
	getActiveFile(): TFile | null {
		const v = this.activeLeaf?.view;
		return v instanceof MarkdownView ? v.file : null;
	}
	getActiveViewOfType<T extends View>(type: abstract new (...args: never[]) => T): T | null {
		const v = this.activeLeaf?.view;
		return v instanceof type ? (v as T) : null;
	}
	get activeEditor(): { editor: Editor; file: TFile | null } | null {
		const v = this.activeLeaf?.view;
		return v instanceof MarkdownView ? { editor: v.editor, file: v.file } : null;
	}
	getLeavesOfType(type: string): WorkspaceLeaf[] {
		return this.leaves.filter((l) => l.view.getViewType() === type);
	}
}

export class FileManager {
	constructor(private readonly app: App) {}
	async processFrontMatter(file: TFile, fn: (fm: Record<string, unknown>) => void): Promise<void> {
		await this.app.vault.process(file, (text) => {
			const info = getFrontMatterInfo(text);
			let fm: Record<string, unknown> = {};
			if (info.exists) {
				const parsed = yamlParse(info.frontmatter) as unknown;
				if (parsed !== null && (typeof parsed !== "object" || Array.isArray(parsed))) throw new Error("Frontmatter is not an object.");
				fm = (parsed as Record<string, unknown>) ?? {};
			}
			fn(fm);
			const body = info.exists ? text.slice(info.contentStart) : text;
			return `---\n${stringifyYaml(fm)}---\n${body}`;
		});
	}
	async trashFile(file: TAbstractFile): Promise<void> {
		await this.app.vault.trash(file);
	}
	async renameFile(file: TAbstractFile, newPath: string): Promise<void> {
		await this.app.vault.rename(file, newPath);
	}
	generateMarkdownLink(file: TFile): string {
		return `[[${file.basename}]]`;
	}
	getNewFileParent(): TFolder {
		return this.app.vault.getRoot();
	}
}

// ---------------------------------------------------------------- app, plugin, commands

export interface Command {
	id: string;
	name: string;
	icon?: string;
	hotkeys?: unknown[];
	callback?: () => unknown;
	checkCallback?: (checking: boolean) => boolean | void;
	editorCallback?: (editor: Editor, ctx: MarkdownView) => unknown;
	editorCheckCallback?: (checking: boolean, editor: Editor, ctx: MarkdownView) => boolean | void;
}

export interface PluginManifest {
	id: string;
	name: string;
	version: string;
	minAppVersion: string;
	description: string;
	author: string;
	isDesktopOnly?: boolean;
	dir?: string;
}

export class App {
	vault = new Vault();
	metadataCache = new MetadataCache(this.vault);
	workspace = new Workspace(this);
	fileManager = new FileManager(this);
	/** Stand-in extra: the command registry, keyed "<plugin id>:<command id>". */
	commands = {
		commands: {} as Record<string, Command>,
		executeCommandById: (id: string): boolean => {
			const c = this.commands.commands[id];
			if (!c) return false;
			const view = this.workspace.getActiveViewOfType(MarkdownView);
			if (c.callback) c.callback();
			else if (c.checkCallback) return c.checkCallback(false) !== false;
			else if (c.editorCallback && view) c.editorCallback(view.editor, view);
			else if (c.editorCheckCallback && view) c.editorCheckCallback(false, view.editor, view);
			else return false;
			return true;
		},
		/** Whether the command would show in the palette now. */
		isAvailable: (id: string): boolean => {
			const c = this.commands.commands[id];
			if (!c) return false;
			const view = this.workspace.getActiveViewOfType(MarkdownView);
			if (c.checkCallback) return c.checkCallback(true) === true;
			if (c.editorCallback) return view !== null;
			if (c.editorCheckCallback) return view !== null && c.editorCheckCallback(true, view.editor, view) === true;
			return true;
		},
	};
	/** Stand-in extra: view creators by type, from Plugin.registerView. */
	viewRegistry: Record<string, (leaf: WorkspaceLeaf) => View> = {};
	/** Stand-in extra: where plugins put ribbon icons and status bar items. */
	ribbonEl: HTMLElement = createDiv({ cls: "side-dock-ribbon" });
	statusBarEl: HTMLElement = createDiv({ cls: "status-bar" });
	settingTabs: PluginSettingTab[] = [];
}

export class Plugin extends Component {
	constructor(public app: App, public manifest: PluginManifest) {
		super();
	}
	addCommand(command: Command): Command {
		const full = { ...command, id: `${this.manifest.id}:${command.id}`, name: `${this.manifest.name}: ${command.name}` };
		this.app.commands.commands[full.id] = full;
		this.register(() => delete this.app.commands.commands[full.id]);
		return full;
	}
	removeCommand(id: string): void {
		delete this.app.commands.commands[`${this.manifest.id}:${id}`];
	}
	addRibbonIcon(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
		const el = this.app.ribbonEl.createDiv({ cls: "side-dock-ribbon-action clickable-icon", attr: { "aria-label": title, "data-icon": icon } });
		el.addEventListener("click", callback);
		this.register(() => el.detach());
		return el;
	}
	addStatusBarItem(): HTMLElement {
		const el = this.app.statusBarEl.createDiv({ cls: "status-bar-item" });
		this.register(() => el.detach());
		return el;
	}
	addSettingTab(tab: PluginSettingTab): void {
		// From 1.13, Obsidian reads the definitions when the tab is added (for search).
		if (requireApiVersion("1.13.0")) tab.settingItems = tab.getSettingDefinitions();
		this.app.settingTabs.push(tab);
		this.register(() => (this.app.settingTabs = this.app.settingTabs.filter((t) => t !== tab)));
	}
	registerView(type: string, creator: (leaf: WorkspaceLeaf) => View): void {
		if (this.app.viewRegistry[type]) throw new Error(`A view of type "${type}" is already registered.`);
		this.app.viewRegistry[type] = creator;
		this.register(() => {
			this.app.workspace.detachLeavesOfType(type);
			delete this.app.viewRegistry[type];
		});
	}
	private dataPath(): string {
		return `${this.app.vault.configDir}/plugins/${this.manifest.id}/data.json`;
	}
	async loadData(): Promise<unknown> {
		if (!(await this.app.vault.adapter.exists(this.dataPath()))) return null;
		return JSON.parse(await this.app.vault.adapter.read(this.dataPath()));
	}
	async saveData(data: unknown): Promise<void> {
		await this.app.vault.adapter.write(this.dataPath(), JSON.stringify(data, null, 2));
	}
}

// ---------------------------------------------------------------- notices and modals

export class Notice {
	/** Stand-in extra: every notice shown, newest last. */
	static history: string[] = [];
	noticeEl: HTMLElement;
	messageEl: HTMLElement;
	constructor(message: string | DocumentFragment, duration?: number) {
		let container = document.body.querySelector<HTMLElement>(".notice-container");
		if (!container) container = document.body.createDiv({ cls: "notice-container" });
		this.noticeEl = container.createDiv({ cls: "notice" });
		this.messageEl = this.noticeEl.createDiv({ cls: "notice-message" });
		this.setMessage(message);
		Notice.history.push(this.messageEl.textContent ?? "");
		if (duration !== 0) {
			const t = setTimeout(() => this.hide(), duration ?? 5000) as unknown as { unref?: () => void };
			t.unref?.(); // do not keep test runners alive
		}
	}
	setMessage(message: string | DocumentFragment): this {
		this.messageEl.setText(message);
		return this;
	}
	hide(): void {
		this.noticeEl.detach();
	}
}

export class Scope {
	private keys: { modifiers: string[]; key: string | null; fn: (e: KeyboardEvent) => unknown }[] = [];
	register(modifiers: string[], key: string | null, fn: (e: KeyboardEvent) => unknown): unknown {
		const k = { modifiers, key, fn };
		this.keys.push(k);
		return k;
	}
	/** Stand-in extra. */
	handle(e: KeyboardEvent): boolean {
		for (const k of this.keys) if (k.key === null || k.key === e.key) return k.fn(e) !== false;
		return false;
	}
}

export class Modal {
	app: App;
	scope = new Scope();
	containerEl: HTMLElement;
	modalEl: HTMLElement;
	titleEl: HTMLElement;
	contentEl: HTMLElement;
	shouldRestoreSelection = true;
	/** Stand-in extra: every modal currently open. */
	static open: Modal[] = [];
	private keyHandler = (e: KeyboardEvent): void => {
		if (this.scope.handle(e)) return;
		if (e.key === "Escape") this.close();
	};
	constructor(app: App) {
		this.app = app;
		this.containerEl = createDiv({ cls: "modal-container mod-dim" });
		this.containerEl.createDiv({ cls: "modal-bg" });
		this.modalEl = this.containerEl.createDiv({ cls: "modal" });
		const close = this.modalEl.createDiv({ cls: "modal-close-button", attr: { "aria-label": "Close" } });
		close.addEventListener("click", () => this.close());
		this.titleEl = this.modalEl.createDiv({ cls: "modal-title" });
		this.contentEl = this.modalEl.createDiv({ cls: "modal-content" });
	}
	setTitle(title: string): this {
		this.titleEl.setText(title);
		return this;
	}
	setContent(content: string | DocumentFragment): this {
		this.contentEl.setText(content);
		return this;
	}
	open(): void {
		document.body.appendChild(this.containerEl);
		document.addEventListener("keydown", this.keyHandler);
		Modal.open.push(this);
		void this.onOpen();
	}
	close(): void {
		document.removeEventListener("keydown", this.keyHandler);
		this.containerEl.detach();
		Modal.open = Modal.open.filter((m) => m !== this);
		this.onClose();
	}
	onOpen(): void | Promise<void> {}
	onClose(): void {}
}

export interface FuzzyMatch<T> {
	item: T;
	match: { score: number; matches: [number, number][] };
}

export abstract class SuggestModal<T> extends Modal {
	limit = 100;
	emptyStateText = "No results found.";
	inputEl: HTMLInputElement;
	resultContainerEl: HTMLElement;
	/** Stand-in extra: the suggestions currently shown. */
	shown: T[] = [];
	selected = 0;
	constructor(app: App) {
		super(app);
		this.modalEl.addClass("prompt");
		this.inputEl = this.modalEl.createEl("input", { cls: "prompt-input", attr: { type: "text" } });
		this.resultContainerEl = this.modalEl.createDiv({ cls: "prompt-results" });
		this.inputEl.addEventListener("input", () => void this.refresh());
		this.inputEl.addEventListener("keydown", (e: KeyboardEvent) => {
			if (e.key === "Enter") this.choose(this.selected, e);
			if (e.key === "ArrowDown") this.select(this.selected + 1);
			if (e.key === "ArrowUp") this.select(this.selected - 1);
		});
	}
	setPlaceholder(p: string): void {
		this.inputEl.setAttribute("placeholder", p);
	}
	setInstructions(instructions: { command: string; purpose: string }[]): void {
		const el = this.modalEl.createDiv({ cls: "prompt-instructions" });
		for (const i of instructions) el.createDiv({ cls: "prompt-instruction", text: `${i.command} ${i.purpose}` });
	}
	open(): void {
		super.open();
		void this.refresh();
	}
	/** Stand-in extra: type a query. */
	async setQuery(q: string): Promise<void> {
		this.inputEl.value = q;
		await this.refresh();
	}
	async refresh(): Promise<void> {
		this.shown = (await this.getSuggestions(this.inputEl.value)).slice(0, this.limit);
		this.resultContainerEl.empty();
		if (this.shown.length === 0) this.resultContainerEl.createDiv({ cls: "suggestion-empty", text: this.emptyStateText });
		this.shown.forEach((item, i) => {
			const el = this.resultContainerEl.createDiv({ cls: "suggestion-item" });
			el.addEventListener("click", (e) => this.choose(i, e));
			this.renderSuggestion(item, el);
		});
		this.select(0);
	}
	private select(i: number): void {
		const items = this.resultContainerEl.querySelectorAll(".suggestion-item");
		this.selected = Math.max(0, Math.min(i, items.length - 1));
		items.forEach((el, j) => el.classList.toggle("is-selected", j === this.selected));
	}
	/** Stand-in extra: choose the i-th suggestion. */
	choose(i: number, evt: MouseEvent | KeyboardEvent = new KeyboardEvent("keydown")): void {
		const item = this.shown[i];
		if (item === undefined) return;
		this.close();
		void this.onChooseSuggestion(item, evt);
	}
	abstract getSuggestions(query: string): T[] | Promise<T[]>;
	abstract renderSuggestion(value: T, el: HTMLElement): void;
	abstract onChooseSuggestion(item: T, evt: MouseEvent | KeyboardEvent): void;
}

export function prepareFuzzySearch(query: string): (text: string) => { score: number; matches: [number, number][] } | null {
	const q = query.toLowerCase().replace(/\s+/g, "");
	return (text: string) => {
		const t = text.toLowerCase();
		let i = 0;
		let score = 0;
		const matches: [number, number][] = [];
		for (const ch of q) {
			const j = t.indexOf(ch, i);
			if (j < 0) return null;
			score -= j - i;
			matches.push([j, j + 1]);
			i = j + 1;
		}
		return { score, matches };
	};
}

export abstract class FuzzySuggestModal<T> extends SuggestModal<FuzzyMatch<T>> {
	getSuggestions(query: string): FuzzyMatch<T>[] {
		const search = prepareFuzzySearch(query);
		const out: FuzzyMatch<T>[] = [];
		for (const item of this.getItems()) {
			const match = search(this.getItemText(item));
			if (match) out.push({ item, match });
		}
		return query.trim() === "" ? out : out.sort((a, b) => b.match.score - a.match.score);
	}
	renderSuggestion(value: FuzzyMatch<T>, el: HTMLElement): void {
		el.setText(this.getItemText(value.item));
	}
	onChooseSuggestion(item: FuzzyMatch<T>, evt: MouseEvent | KeyboardEvent): void {
		this.onChooseItem(item.item, evt);
	}
	abstract getItems(): T[];
	abstract getItemText(item: T): string;
	abstract onChooseItem(item: T, evt: MouseEvent | KeyboardEvent): void;
}

// ---------------------------------------------------------------- settings UI

export abstract class BaseComponent {
	disabled = false;
	setDisabled(disabled: boolean): this {
		this.disabled = disabled;
		return this;
	}
}

export abstract class ValueComponent<T> extends BaseComponent {
	abstract getValue(): T;
	abstract setValue(value: T): this;
}

export class TextComponent extends ValueComponent<string> {
	inputEl: HTMLInputElement;
	private handler: ((v: string) => unknown) | null = null;
	constructor(containerEl: HTMLElement) {
		super();
		this.inputEl = containerEl.createEl("input", { attr: { type: "text", spellcheck: "false" } });
		this.inputEl.addEventListener("input", () => void this.handler?.(this.inputEl.value));
	}
	getValue(): string {
		return this.inputEl.value;
	}
	setValue(value: string): this {
		this.inputEl.value = value;
		return this;
	}
	setPlaceholder(p: string): this {
		this.inputEl.setAttribute("placeholder", p);
		return this;
	}
	onChange(cb: (value: string) => unknown): this {
		this.handler = cb;
		return this;
	}
}

export class ToggleComponent extends ValueComponent<boolean> {
	toggleEl: HTMLElement;
	private value = false;
	private handler: ((v: boolean) => unknown) | null = null;
	constructor(containerEl: HTMLElement) {
		super();
		this.toggleEl = containerEl.createDiv({ cls: "checkbox-container" });
		this.toggleEl.addEventListener("click", () => {
			this.setValue(!this.value);
			void this.handler?.(this.value);
		});
	}
	getValue(): boolean {
		return this.value;
	}
	setValue(v: boolean): this {
		this.value = v;
		this.toggleEl.toggleClass("is-enabled", v);
		return this;
	}
	onChange(cb: (v: boolean) => unknown): this {
		this.handler = cb;
		return this;
	}
}

export class DropdownComponent extends ValueComponent<string> {
	selectEl: HTMLSelectElement;
	private handler: ((v: string) => unknown) | null = null;
	constructor(containerEl: HTMLElement) {
		super();
		this.selectEl = containerEl.createEl("select", { cls: "dropdown" });
		this.selectEl.addEventListener("change", () => void this.handler?.(this.selectEl.value));
	}
	addOption(value: string, display: string): this {
		this.selectEl.createEl("option", { text: display, attr: { value } });
		return this;
	}
	addOptions(options: Record<string, string>): this {
		for (const [v, d] of Object.entries(options)) this.addOption(v, d);
		return this;
	}
	getValue(): string {
		return this.selectEl.value;
	}
	setValue(v: string): this {
		this.selectEl.value = v;
		return this;
	}
	onChange(cb: (v: string) => unknown): this {
		this.handler = cb;
		return this;
	}
}

export class ButtonComponent extends BaseComponent {
	buttonEl: HTMLButtonElement;
	constructor(containerEl: HTMLElement) {
		super();
		this.buttonEl = containerEl.createEl("button");
	}
	setButtonText(t: string): this {
		this.buttonEl.setText(t);
		return this;
	}
	setCta(): this {
		this.buttonEl.addClass("mod-cta");
		return this;
	}
	setWarning(): this {
		this.buttonEl.addClass("mod-warning");
		return this;
	}
	setIcon(icon: string): this {
		this.buttonEl.setAttribute("data-icon", icon);
		return this;
	}
	setTooltip(t: string): this {
		this.buttonEl.setAttribute("aria-label", t);
		return this;
	}
	setDisabled(disabled: boolean): this {
		super.setDisabled(disabled);
		this.buttonEl.disabled = disabled;
		return this;
	}
	onClick(cb: (evt: MouseEvent) => unknown): this {
		this.buttonEl.addEventListener("click", (e) => void cb(e));
		return this;
	}
}

export class Setting {
	settingEl: HTMLElement;
	infoEl: HTMLElement;
	nameEl: HTMLElement;
	descEl: HTMLElement;
	controlEl: HTMLElement;
	components: BaseComponent[] = [];
	constructor(containerEl: HTMLElement) {
		this.settingEl = containerEl.createDiv({ cls: "setting-item" });
		this.infoEl = this.settingEl.createDiv({ cls: "setting-item-info" });
		this.nameEl = this.infoEl.createDiv({ cls: "setting-item-name" });
		this.descEl = this.infoEl.createDiv({ cls: "setting-item-description" });
		this.controlEl = this.settingEl.createDiv({ cls: "setting-item-control" });
	}
	setName(name: string | DocumentFragment): this {
		this.nameEl.setText(name);
		return this;
	}
	setDesc(desc: string | DocumentFragment): this {
		this.descEl.setText(desc);
		return this;
	}
	setClass(cls: string): this {
		this.settingEl.addClass(cls);
		return this;
	}
	setHeading(): this {
		this.settingEl.addClass("setting-item-heading");
		return this;
	}
	setDisabled(d: boolean): this {
		this.settingEl.toggleClass("is-disabled", d);
		return this;
	}
	private add<C extends BaseComponent>(c: C, cb: (c: C) => unknown): this {
		this.components.push(c);
		cb(c);
		return this;
	}
	addText(cb: (c: TextComponent) => unknown): this {
		return this.add(new TextComponent(this.controlEl), cb);
	}
	addToggle(cb: (c: ToggleComponent) => unknown): this {
		return this.add(new ToggleComponent(this.controlEl), cb);
	}
	addDropdown(cb: (c: DropdownComponent) => unknown): this {
		return this.add(new DropdownComponent(this.controlEl), cb);
	}
	addButton(cb: (c: ButtonComponent) => unknown): this {
		return this.add(new ButtonComponent(this.controlEl), cb);
	}
	then(cb: (s: this) => unknown): this {
		cb(this);
		return this;
	}
}

// Declarative settings (Obsidian 1.13): the shapes of obsidian.d.ts, as much as the stand-in renders.
type Dynamic = boolean | (() => boolean);
export interface SettingControlDef {
	type: "text" | "textarea" | "number" | "toggle" | "dropdown" | "folder" | "file" | "slider" | "color";
	key: string;
	defaultValue?: unknown;
	placeholder?: string;
	min?: number;
	max?: number;
	step?: number | "any";
	options?: Record<string, string>;
	includeRoot?: boolean;
	filter?: (f: never) => boolean;
	validate?: (value: never) => string | void | Promise<string | void>;
	disabled?: Dynamic;
}
export interface SettingDefinitionDef {
	name: string;
	desc?: string | DocumentFragment;
	visible?: Dynamic;
	control?: SettingControlDef;
	action?: (el: HTMLElement, index: number) => void;
	render?: (setting: Setting, group: unknown) => void | (() => void);
	disabled?: Dynamic;
}
export interface SettingGroupDef {
	type: "group" | "list" | "page";
	heading?: string;
	name?: string;
	visible?: Dynamic;
	items?: (SettingDefinitionDef | SettingGroupDef)[];
}
export type SettingDefinitionItem = SettingDefinitionDef | SettingGroupDef;

const evaluate = (v: Dynamic | undefined, fallback: boolean): boolean => (v === undefined ? fallback : typeof v === "function" ? v() : v);

export abstract class PluginSettingTab {
	containerEl: HTMLElement;
	/** Since 1.13: the definitions as last read by update(). */
	settingItems: SettingDefinitionItem[] = [];
	constructor(public app: App, public plugin: Plugin) {
		this.containerEl = createDiv({ cls: "vertical-tab-content" });
	}
	/** Deprecated since 1.13: called only when getSettingDefinitions() returns nothing. */
	display(): void {}
	hide(): void {
		this.containerEl.empty();
	}
	/** Since 1.13. */
	getSettingDefinitions(): SettingDefinitionItem[] {
		return [];
	}
	/** Since 1.13: reads `this.plugin.settings` unless overridden. */
	getControlValue(key: string): unknown {
		return (this.plugin as unknown as { settings?: Record<string, unknown> }).settings?.[key];
	}
	/** Since 1.13: writes `this.plugin.settings` and saves unless overridden. */
	async setControlValue(key: string, value: unknown): Promise<void> {
		const settings = ((this.plugin as unknown as { settings?: Record<string, unknown> }).settings ??= {});
		settings[key] = value;
		await this.plugin.saveData(settings);
	}
	/** Since 1.13: re-reads the definitions and, when the tab is shown declaratively, renders them again. */
	update(): void {
		this.settingItems = this.getSettingDefinitions();
		if (this.shownDeclaratively) void renderDefinitions(this);
	}
	/** Stand-in extra: whether the last open rendered definitions. */
	shownDeclaratively = false;
	/** Stand-in extra: settles when the last declarative render (with its first validation) is done. */
	rendering: Promise<void> = Promise.resolve();
}

/**
 * Stand-in extra: what the settings modal does when the user opens a tab. On
 * 1.13+ a tab with definitions is rendered from them (display() is not called);
 * otherwise, and always before 1.13, display() renders it.
 */
export async function openSettingTab(tab: PluginSettingTab): Promise<void> {
	tab.containerEl.empty();
	tab.shownDeclaratively = false;
	if (requireApiVersion("1.13.0")) {
		tab.settingItems = tab.getSettingDefinitions();
		if (tab.settingItems.length > 0) {
			tab.shownDeclaratively = true;
			tab.rendering = renderDefinitions(tab);
			return tab.rendering;
		}
	}
	tab.display();
}

async function renderDefinitions(tab: PluginSettingTab): Promise<void> {
	tab.containerEl.empty();
	const mounts: Promise<void>[] = [];
	const renderItems = (items: SettingDefinitionItem[], el: HTMLElement): void => {
		items.forEach((item, index) => {
			if (!evaluate(item.visible, true)) return;
			if ("type" in item && (item.type === "group" || item.type === "list")) {
				const group = el.createDiv({ cls: "setting-group" });
				if (item.heading) new Setting(group).setName(item.heading).setHeading();
				renderItems(item.items ?? [], group.createDiv({ cls: "setting-items" }));
				return;
			}
			if ("type" in item && item.type === "page") {
				new Setting(el).setName(item.name ?? "").setClass("mod-page");
				return;
			}
			const def = item as SettingDefinitionDef;
			const setting = new Setting(el).setName(def.name);
			if (def.desc !== undefined) setting.setDesc(def.desc);
			if (def.control) mounts.push(mountControl(tab, setting, def.control));
			else if (def.action) {
				setting.setClass("mod-clickable");
				setting.settingEl.addEventListener("click", () => def.action!(setting.settingEl, index));
			} else if (def.render) def.render(setting, el);
			if (evaluate(def.disabled, false)) setting.setDisabled(true);
		});
	};
	renderItems(tab.settingItems, tab.containerEl);
	await Promise.all(mounts);
}

/** One control: seeded from getControlValue, checked with validate on mount and on each change, saved with setControlValue. */
async function mountControl(tab: PluginSettingTab, setting: Setting, c: SettingControlDef): Promise<void> {
	setting.settingEl.setAttribute("data-control", c.type);
	const error = setting.infoEl.createDiv({ cls: "setting-item-error" });
	const stored = tab.getControlValue(c.key);
	const value = stored === undefined || stored === null ? c.defaultValue : stored;
	const validate = async (v: unknown): Promise<string> => (c.validate ? ((await c.validate(v as never)) ?? "") : "");
	const commit = async (v: unknown): Promise<void> => {
		const message = await validate(v);
		error.setText(message);
		setting.settingEl.toggleClass("mod-error", message !== "");
		if (message === "") await tab.setControlValue(c.key, v);
	};
	if (c.type === "toggle") {
		setting.addToggle((t) => t.setValue(value === true).onChange((v) => commit(v)));
	} else if (c.type === "dropdown") {
		setting.addDropdown((d) => d.addOptions(c.options ?? {}).setValue(String(value ?? "")).onChange((v) => commit(v)));
	} else {
		setting.addText((t) => {
			t.setValue(value === undefined || value === null ? "" : String(value));
			if (c.placeholder) t.setPlaceholder(c.placeholder);
			if (c.type === "number") {
				t.inputEl.type = "number";
				if (c.min !== undefined) t.inputEl.min = String(c.min);
				if (c.max !== undefined) t.inputEl.max = String(c.max);
				if (c.step !== undefined) t.inputEl.step = String(c.step);
				// As documented: a number is persisted; input that does not parse falls back to defaultValue (or 0).
				t.onChange((raw) => {
					const n = raw.trim() === "" ? Number.NaN : Number(raw);
					return commit(Number.isFinite(n) ? n : ((c.defaultValue as number | undefined) ?? 0));
				});
			} else t.onChange((raw) => commit(raw));
			if (c.type === "folder") attachFolderSuggest(tab.app, t, c, commit);
		});
	}
	if (evaluate(c.disabled, false)) setting.setDisabled(true);
	// The framework validates the stored value once on mount and shows the message; it does not change the value.
	const first = await validate(value);
	error.setText(first);
	setting.settingEl.toggleClass("mod-error", first !== "");
}

/** The folder control's suggester: vault folders matching the typed text, through the control's filter; the root only with includeRoot. */
function attachFolderSuggest(app: App, text: TextComponent, c: SettingControlDef, commit: (v: unknown) => Promise<void>): void {
	const list = text.inputEl.parentElement!.createDiv({ cls: "suggestion-container" });
	const show = (): void => {
		list.empty();
		const q = text.inputEl.value.toLowerCase();
		const folders = app.vault.getAllLoadedFiles().filter((f): f is TFolder => f instanceof TFolder);
		for (const f of folders) {
			if (f.isRoot() && !c.includeRoot) continue;
			if (c.filter && !c.filter(f as never)) continue;
			if (!f.path.toLowerCase().includes(q)) continue;
			const item = list.createDiv({ cls: "suggestion-item", text: f.path });
			item.addEventListener("click", () => {
				text.setValue(f.path);
				list.empty();
				void commit(f.path);
			});
		}
	};
	text.inputEl.addEventListener("focus", show);
	text.inputEl.addEventListener("input", show);
}

export class ItemView extends View {
	contentEl: HTMLElement;
	constructor(leaf: WorkspaceLeaf) {
		super(leaf);
		this.contentEl = this.containerEl.createDiv({ cls: "view-content" });
	}
}

/** The browser test's Markdown engine (tests/browser/markdown.ts), when loaded on the page. */
interface MarkdownEngine {
	renderMarkdown(markdown: string, el: HTMLElement, options?: { properties?: boolean }): void;
	drawDiagrams(el: HTMLElement): Promise<string[]>;
}

export class MarkdownRenderer {
	/** Renders Markdown into `el` as reading view does. In jest (no engine loaded), one paragraph per block of text. */
	static async render(_app: App, markdown: string, el: HTMLElement, _sourcePath: string, _component: Component): Promise<void> {
		const engine = (globalThis as { MlsdMarkdown?: MarkdownEngine }).MlsdMarkdown;
		if (engine) {
			engine.renderMarkdown(markdown, el, { properties: false });
			await engine.drawDiagrams(el);
			return;
		}
		for (const block of markdown.split(/\n{2,}/)) if (block.trim() !== "") el.createEl("p", { text: block.trim() });
	}
}

export const moment = undefined;
