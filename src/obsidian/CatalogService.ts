/**
 * Keeps the catalog in step with the vault from Obsidian's metadataCache:
 * built once on first use (nothing is read at plugin load), then updated
 * incrementally on "changed", "deleted" and "rename". Files are never
 * re-read to rebuild it, and the shipped notes embedded in main.js are never
 * unpacked for it: whether a note is shipped or the user's comes from the
 * install record (the paths the plugin wrote), a lookup per note.
 */
import { Notice, TFile, type CachedMetadata } from "obsidian";
import { Catalog, toRecord, type RecordResult } from "../core/catalog";
import { installedFolder } from "../core/settings";
import { inlineTagsOf as bodyTagsOf, kindOfNote } from "../core/schema";
import type { NoteOrigin, NoteType } from "../core/types";
import type { PluginHost } from "./host";

export class CatalogService {
	private catalog: Catalog | null = null;
	/** The install record's folder and size when the catalog was built; a change (an install, a folder move) rebuilds it so origins stay right. */
	private builtFor: string | null = null;
	private announced = new Set<string>();

	constructor(private readonly host: PluginHost) {}

	/** Subscribes to metadata events; every subscription is released on unload. */
	start(): void {
		const { app, plugin } = this.host;
		// Build the catalog a few seconds after start-up, off the critical path, so the first
		// prompt opens as fast as every later one (a few milliseconds at 10,000 notes; see BENCHMARKS.md).
		app.workspace.onLayoutReady(() => {
			const id = window.setTimeout(() => this.get(), 3000);
			plugin.register(() => window.clearTimeout(id));
		});
		plugin.registerEvent(app.metadataCache.on("changed", (file: TFile, _data: string, cache: CachedMetadata) => {
			this.catalog?.set(file.path, this.recordOf(file.path, cache));
		}));
		plugin.registerEvent(app.metadataCache.on("deleted", (file: TFile) => {
			this.catalog?.remove(file.path);
		}));
		plugin.registerEvent(app.vault.on("rename", (file, oldPath: string) => {
			if (!this.catalog || !(file instanceof TFile)) return;
			this.catalog.remove(oldPath);
			if (file.extension === "md") this.catalog.set(file.path, this.recordOf(file.path, app.metadataCache.getFileCache(file)));
		}));
	}

	/** The catalog, built on first use (and again if the notes moved to another folder). */
	get(): Catalog {
		if (this.builtFor !== null && this.builtFor !== this.recordKey()) this.invalidate();
		if (!this.catalog) {
			this.builtFor = this.recordKey();
			const { vault, metadataCache } = this.host.app;
			// Sorted by type only; each type's records are made when a command first asks for it.
			this.catalog = Catalog.fromMetadata(vault.getMarkdownFiles(), (file) => metadataCache.getFileCache(file), this.originAt());
		}
		return this.catalog;
	}

	/** Drops the catalog; the next use rebuilds it from the metadata cache. */
	invalidate(): void {
		this.builtFor = null;
		this.catalog = null;
	}

	private recordKey(): string {
		const record = this.host.data.install;
		return `${installedFolder(this.host.data)}\u0000${record.templateVersion}\u0000${Object.keys(record.files).length}`;
	}

	/**
	 * Shows one notice naming notes (of the given types, or any) that were
	 * skipped for broken properties, and case studies that are never drawn
	 * (still the template's placeholder prompts), once per note.
	 */
	announceSkipped(types?: readonly NoteType[]): void {
		const catalog = this.get();
		const fresh = catalog.skipped(types).filter((s) => !this.announced.has(`skip:${s.path}`));
		for (const s of fresh) this.announced.add(`skip:${s.path}`);
		const waiting = !types || types.includes("case-study") ? catalog.undrawable().filter((u) => !this.announced.has(`draw:${u.path}`)) : [];
		for (const u of waiting) this.announced.add(`draw:${u.path}`);
		const parts: string[] = [];
		if (fresh.length > 0) {
			const names = fresh.slice(0, 3).map((s) => `"${s.path}" (${s.problems[0] ?? "invalid properties"})`).join("; ");
			parts.push(`Skipped ${fresh.length} note${fresh.length === 1 ? "" : "s"} with invalid properties: ${names}${fresh.length > 3 ? "; and more" : ""}.`);
		}
		if (waiting.length > 0) {
			const names = waiting.slice(0, 3).map((u) => `"${u.name}" (${u.reason})`).join("; ");
			parts.push(`Not drawn: ${names}${waiting.length > 3 ? "; and more" : ""}.`);
		}
		if (parts.length > 0) new Notice(parts.join(" "), 10000);
	}

	/** Shipped when the install record lists the path (relative to the folder the notes were installed into). */
	origin(path: string): NoteOrigin {
		return this.originAt()(path);
	}

	/** origin() for the install record as it is now, with the folder worked out once. */
	private originAt(): (path: string) => NoteOrigin {
		const folder = installedFolder(this.host.data);
		const prefix = folder === "" || folder === "/" ? "" : `${folder}/`;
		return (path) => (path.startsWith(prefix) && Object.prototype.hasOwnProperty.call(this.host.data.install.files, path.slice(prefix.length)) ? "shipped" : "personal");
	}

	private recordOf(path: string, cache: CachedMetadata | null): RecordResult {
		return toRecord(path, cache?.frontmatter ?? null, this.origin(path), inlineTagsOf(cache));
	}
}

/** Tags written in a note's body, as the metadata cache lists them (frontmatter tags come with the properties). */
export function inlineTagsOf(cache: CachedMetadata | null): string[] {
	return bodyTagsOf(cache);
}

/** A note's kind from its cached metadata alone (cheap: for command availability, before the catalog is built). */
export function kindOfCached(cache: CachedMetadata | null): NoteType | null {
	return kindOfNote(cache);
}
